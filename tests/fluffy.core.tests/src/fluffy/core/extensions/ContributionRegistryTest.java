package fluffy.core.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry shape every contribution point uses, over a real Equinox extension registry filled with
 * plugin.xml text: order, a key taken twice, malformed declarations and a reader that crashes become
 * problems naming the bundle, and a bundle that comes later is seen without a restart.
 */
class ContributionRegistryTest {

    private record Thing(String id, String contributor, int rank) {
    }

    private final PluginXmlRegistry plugins = new PluginXmlRegistry();
    private final IExtensionRegistry registry = plugins.registry;
    private ContributionRegistry<Thing> things;

    @BeforeEach
    void createRegistry() {
        contribute("fluffy.things", """
                <plugin>
                  <extension-point id="things" name="Things"/>
                  <extension point="fluffy.things.things">
                    <thing id="b" rank="2"/>
                    <thing id="a" rank="1"/>
                  </extension>
                </plugin>""");
        contribute("org.example.bad", """
                <plugin>
                  <extension point="fluffy.things.things">
                    <thing id="b" rank="9"/>
                    <thing rank="3"/>
                    <thing id="crash" rank="x"/>
                  </extension>
                </plugin>""");
        things = new ContributionRegistry<>(registry, "fluffy.things.things", "thing", ContributionRegistryTest::thing,
                Thing::id, Comparator.comparing(Thing::rank));
    }

    private static Thing thing(IConfigurationElement e) {
        String id = ContributionRegistry.required(e, "id");
        String rank = ContributionRegistry.optional(e, "rank", "0");
        if (id.equals("crash")) {
            throw new IllegalStateException("a bug in the reader"); // not a malformed declaration: a crash
        }
        return new Thing(id, e.getContributor().getName(), Integer.parseInt(rank));
    }

    @AfterEach
    void stop() {
        things.dispose();
        plugins.close();
    }

    private void contribute(String bundle, String pluginXml) {
        plugins.contribute(bundle, pluginXml);
    }

    @Test
    void wellFormedDeclarationsInOrderTheFirstOfAKeyWinsAndTheRestAreProblems() {
        assertEquals(List.of("a", "b"), things.all().stream().map(Thing::id).toList());
        assertEquals("fluffy.things", things.find("b").orElseThrow().contributor(), "the first declaration wins");
        List<String> problems = things.problems();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.contains("thing 'b' from bundle org.example.bad clashes with the one from fluffy.things "
                + "and is ignored"), problems.toString());
        assertTrue(problems.contains("ignoring a malformed thing from bundle org.example.bad: the attribute 'id' is "
                + "missing"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("ignoring a thing from bundle org.example.bad that "
                + "could not be read: java.lang.IllegalStateException: a bug in the reader")), problems.toString());
    }

    @Test
    void aBundleThatComesLaterIsSeenWithoutARestart() throws Exception {
        assertEquals(2, things.all().size());
        contribute("org.example.late", """
                <plugin>
                  <extension point="fluffy.things.things"><thing id="c" rank="0"/></extension>
                </plugin>""");
        for (int i = 0; i < 100 && things.all().size() == 2; i++) {
            Thread.sleep(20); // registry events are delivered on another thread
        }
        assertEquals(List.of("c", "a", "b"), things.all().stream().map(Thing::id).toList());
    }

    @Test
    void aClassThatCannotBeCreatedIsAnErrorNamingIt() {
        contribute("org.example.cls", """
                <plugin>
                  <extension point="fluffy.things.things"><thing id="k" class="org.example.Missing"/></extension>
                </plugin>""");
        IConfigurationElement element = List.of(registry.getConfigurationElementsFor("fluffy.things.things")).stream()
                .filter(e -> "k".equals(e.getAttribute("id"))).findFirst().orElseThrow();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ContributionRegistry.create(element, "class", Runnable.class));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), String.valueOf(e.getMessage()));
    }
}
