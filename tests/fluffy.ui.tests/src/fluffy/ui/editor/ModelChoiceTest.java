package fluffy.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;

import fluffy.ui.widgets.SwtFixture;

/**
 * The editor's explicit model choice for Predict ROIs and Click to add: auto (the newest run's), the
 * workspace's runs by name, the default model, any file; a choice survives the list being offered again.
 */
class ModelChoiceTest {

    @Test
    void theChosenModelIsTheOneUsedAndSurvivesANewList() {
        Path runA = Path.of("/ws/Runs/first/model.onnx");
        Path runB = Path.of("/ws/Runs/second/model.onnx");
        Path packaged = Path.of("/models/nuclei.zip");
        try (SwtFixture swt = new SwtFixture(900, 500)) {
            swt.shell.setLayout(new FillLayout());
            AnnotationEditorView view = new AnnotationEditorView(swt.shell, () -> { }, () -> { }, () -> { });
            swt.open();
            view.setModels(List.of(runB, runA, packaged));
            assertEquals(List.of("auto (newest run)", "second", "first", "nuclei.zip", "Other…"),
                    List.of(view.model.getItems()));
            assertNull(view.chosenModel(), "auto until chosen");
            view.model.select(2);
            view.model.notifyListeners(SWT.Selection, new Event());
            assertEquals(runA, view.chosenModel());
            view.setModels(List.of(runB, packaged));
            assertEquals(runA, view.chosenModel(), "kept though no longer offered");
            view.model.select(0);
            assertNull(view.chosenModel());
        }
    }
}
