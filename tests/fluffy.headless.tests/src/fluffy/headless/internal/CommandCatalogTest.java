package fluffy.headless.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.core.runtime.ContributorFactorySimple;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.Test;

import fluffy.commands.platform.VersionCommand;

class CommandCatalogTest {

    @Test
    void builtInCommandsAreContributedThroughTheExtensionPoint() {
        List<CommandEntry> entries = CommandCatalog.read(RegistryFactory.getRegistry(), System.err);
        List<String> names = entries.stream().map(CommandEntry::name).toList();
        assertTrue(names.containsAll(List.of("extensions", "install", "uninstall", "version")), names.toString());
        CommandEntry version = entries.get(names.indexOf("version"));
        assertEquals("fluffy.commands", version.contributor(), "Fluffy's commands come from their own bundle");
        assertInstanceOf(VersionCommand.class, version.factory().get());
    }

    @Test
    void malformedAndClashingDeclarationsAreReportedAndLeftOut() {
        Object token = new Object();
        IExtensionRegistry registry = RegistryFactory.createRegistry(null, token, null);
        try {
            add(registry, token, "fluffy.headless", """
                    <plugin><extension-point id="commands" name="Headless commands"/>
                      <extension point="fluffy.headless.commands">
                        <command name="version" summary="v" class="fluffy.commands.platform.VersionCommand"/>
                      </extension></plugin>""");
            add(registry, token, "org.example.bad", """
                    <plugin><extension point="fluffy.headless.commands">
                        <command name="Bad Name" summary="s" class="x.Y"/>
                        <command name="noclass" summary="s"/>
                        <command name="version" summary="mine" class="x.Z"/>
                        <command name="fine" summary="ok" class="x.Fine"/>
                      </extension></plugin>""");
            ByteArrayOutputStream warnings = new ByteArrayOutputStream();
            List<CommandEntry> entries = CommandCatalog.read(registry,
                    new PrintStream(warnings, true, StandardCharsets.UTF_8));

            assertEquals(List.of("fine", "version"), entries.stream().map(CommandEntry::name).toList());
            assertEquals("fluffy.headless", entries.get(1).contributor(), "the first declaration wins");
            String text = warnings.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("fluffy: ignoring a malformed command from bundle org.example.bad: the name "
                    + "'Bad Name' is not lower-case letters, digits and '-'"), text);
            assertTrue(text.contains("ignoring a malformed command from bundle org.example.bad: the attribute 'class' "
                    + "is missing"), text);
            assertTrue(text.contains("command 'version' from bundle org.example.bad clashes with the one from "
                    + "fluffy.headless"), text);
        } finally {
            registry.stop(token);
        }
    }

    private static void add(IExtensionRegistry registry, Object token, String bundle, String xml) {
        assertTrue(registry.addContribution(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                ContributorFactorySimple.createContributor(bundle), false, bundle, null, token));
    }
}
