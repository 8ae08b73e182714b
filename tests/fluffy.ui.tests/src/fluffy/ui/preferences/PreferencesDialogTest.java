package fluffy.ui.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.prefs.Preferences;

import fluffy.ui.widgets.SwtFixture;

/** The Preferences dialog driven through its widgets: bad values block OK, good ones are stored and read back. */
class PreferencesDialogTest {

    @Test
    void invalidValuesBlockOkAndValidOnesAreStored(@TempDir Path dir) throws Exception {
        Preferences node = InstanceScope.INSTANCE.getNode("fluffy.ui.tests.prefs." + System.nanoTime());
        Preferences jarNode = InstanceScope.INSTANCE.getNode("fluffy.ui.tests.bf." + System.nanoTime());
        FluffyPreferences prefs = new FluffyPreferences(node, jarNode);
        assertEquals("auto", prefs.device());
        Path model = Files.writeString(dir.resolve("model.onnx"), "not really a model");
        Path jar = Files.writeString(dir.resolve("bioformats_package.jar"), "");
        try (SwtFixture swt = new SwtFixture(600, 400)) {
            PreferencesDialog dialog = new PreferencesDialog(swt.shell, prefs);
            dialog.setBlockOnOpen(false);
            dialog.open();
            swt.flush();
            assertTrue(dialog.okButton().isEnabled(), "the defaults are valid");
            type(dialog.device, "tpu");
            assertFalse(dialog.okButton().isEnabled(), "tpu is not a device");
            type(dialog.device, "cpu");
            type(dialog.threads, "zero");
            assertFalse(dialog.okButton().isEnabled());
            type(dialog.threads, "3");
            type(dialog.model, dir.resolve("missing.onnx").toString());
            assertFalse(dialog.okButton().isEnabled(), "a model file that does not exist");
            type(dialog.model, model.toString());
            type(dialog.jar, jar.toString());
            assertTrue(dialog.okButton().isEnabled());
            dialog.okButton().notifyListeners(SWT.Selection, new Event());
            swt.flush();
        }
        FluffyPreferences again = new FluffyPreferences(node, jarNode);
        assertEquals("cpu", again.device());
        assertEquals(3, again.threads());
        assertEquals(model.toString(), again.defaultModel());
        assertEquals(jar.toString(), again.bioFormatsJar());
        node.removeNode();
        jarNode.removeNode();
    }

    private static void type(org.eclipse.swt.widgets.Control field, String text) {
        if (field instanceof org.eclipse.swt.widgets.Text t) {
            t.setText(text);
        } else {
            ((org.eclipse.swt.widgets.Combo) field).setText(text);
        }
    }
}
