package fluffy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the application model as shipped: the four views are there, and every class it names (parts,
 * handlers, the platform addons) really loads in OSGi. A typo here would only show as a blank view or a
 * dead menu at run time.
 */
class ApplicationModelTest {

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XMI = "http://www.omg.org/XMI";

    private static Bundle app;
    private static Document model;

    @BeforeAll
    static void readModel() throws Exception {
        app = FrameworkUtil.getBundle(ApplicationModelTest.class);
        assertEquals("fluffy.app", app.getSymbolicName());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = app.getEntry("Application.e4xmi").openStream()) {
            model = factory.newDocumentBuilder().parse(in);
        }
    }

    private static List<Element> all() {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = model.getElementsByTagName("*");
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    @Test
    void theWindowHoldsTheFourViewsInOnePerspective() {
        List<String> parts = all().stream().filter(e -> "basic:Part".equals(e.getAttributeNS(XSI, "type")))
                .map(e -> e.getAttribute("label")).toList();
        assertEquals(List.of("Dataset Navigator", "Annotation Editor", "Results Viewer", "Training Monitor"), parts);
        long perspectives = all().stream()
                .filter(e -> "advanced:Perspective".equals(e.getAttributeNS(XSI, "type"))).count();
        assertEquals(1, perspectives);
    }

    @Test
    void everyContributedClassLoads() throws ClassNotFoundException {
        BundleContext context = app.getBundleContext();
        assertNotNull(context, "fluffy.app is started");
        int checked = 0;
        for (Element element : all()) {
            String uri = element.getAttribute("contributionURI");
            if (uri.isEmpty()) {
                continue;
            }
            assertTrue(uri.startsWith("bundleclass://"), uri);
            String[] bundleAndClass = uri.substring("bundleclass://".length()).split("/", 2);
            Bundle owner = null;
            for (Bundle b : context.getBundles()) {
                if (b.getSymbolicName().equals(bundleAndClass[0])) {
                    owner = b;
                }
            }
            assertNotNull(owner, "bundle of " + uri + " is installed");
            assertNotNull(owner.loadClass(bundleAndClass[1]), uri);
            checked++;
        }
        assertEquals(4 + 5 + 12, checked, "4 parts, 5 handlers, 12 addons");
    }

    @Test
    void everyReferenceInTheModelPointsAtAnElementOfIt() {
        Set<String> ids = new HashSet<>();
        all().forEach(e -> ids.add(e.getAttributeNS(XMI, "id")));
        for (Element e : all()) {
            for (String attribute : List.of("command", "bindingContext", "bindingContexts")) {
                String ref = e.getAttribute(attribute);
                if (!ref.isEmpty()) {
                    assertTrue(ids.contains(ref), e.getTagName() + " " + attribute + "=" + ref + " is dangling");
                }
            }
        }
    }

    @Test
    void theProductPointsAtThisModel() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document plugin;
        try (InputStream in = app.getEntry("plugin.xml").openStream()) {
            plugin = factory.newDocumentBuilder().parse(in);
        }
        NodeList properties = plugin.getElementsByTagName("property");
        String xmi = null;
        for (int i = 0; i < properties.getLength(); i++) {
            Element p = (Element) properties.item(i);
            if (p.getAttribute("name").equals("applicationXMI")) {
                xmi = p.getAttribute("value");
            }
        }
        assertEquals("fluffy.app/Application.e4xmi", xmi);
    }
}
