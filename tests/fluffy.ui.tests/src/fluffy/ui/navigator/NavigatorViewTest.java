package fluffy.ui.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.workspace.Workspace;
import fluffy.training.EpochResult;
import fluffy.training.records.EpochLog;
import fluffy.ui.SelectedItem;
import fluffy.ui.SelectedRun;
import fluffy.ui.widgets.SwtFixture;
import ij.IJ;
import ij.ImagePlus;
import ij.process.ShortProcessor;

/** Drives the navigator's widgets on a real display: typing a path, the tree, selection, the buttons. */
class NavigatorViewTest {

    @TempDir
    Path dir;

    private final List<Object> selected = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();
    private final RecentWorkspaces recent = new RecentWorkspaces(
            InstanceScope.INSTANCE.getNode("fluffy.ui.tests.navigator." + System.nanoTime()));

    private NavigatorView view(SwtFixture swt) {
        swt.shell.setLayout(new FillLayout());
        NavigatorView view = new NavigatorView(swt.shell, swt.display::asyncExec, recent, new NavigatorActions() {
            @Override
            public void importImages(Workspace ws, List<Path> files) {
                actions.add("import " + ws.root().getFileName() + " " + files.size());
            }

            @Override
            public void prepare(Workspace ws) {
                actions.add("prepare " + ws.root().getFileName());
            }

            @Override
            public void buildLabelMaps(Workspace ws) {
                actions.add("labels " + ws.root().getFileName());
            }

            @Override
            public void train(Workspace ws) {
                actions.add("train " + ws.root().getFileName());
            }

            @Override
            public void predict(Workspace ws) {
                actions.add("predict " + ws.root().getFileName());
            }

            @Override
            public void evaluate(Workspace ws, Path predictions) {
                actions.add("evaluate " + ws.root().getFileName() + " " + predictions);
            }
        }, selected::add);
        swt.open();
        return view;
    }

    @Test
    void aTypedPathOpensTheWorkspaceAndRowsBecomeTheSelection() throws Exception {
        Workspace ws = Workspace.create(dir.resolve("plate1"));
        for (String name : List.of("well2", "well10", "well1")) {
            IJ.saveAsTiff(new ImagePlus(name, new ShortProcessor(32, 24)), ws.raw().resolve(name + ".tif").toString());
        }
        try (SwtFixture swt = new SwtFixture(700, 500)) {
            NavigatorView view = view(swt);
            assertTrue(view.buttons().stream().noneMatch(Button::isEnabled), "no workspace, no steps");
            Text path = find(view);
            path.setText(ws.root().toString());
            path.notifyListeners(SWT.DefaultSelection, new Event());
            assertTrue(swt.waitUntil(() -> !view.tree().groups().isEmpty(), 10_000), "the tree is read");

            assertEquals("Raw images (3)", view.tree().groups().get(0).label());
            assertEquals(List.of("well1.tif", "well2.tif", "well10.tif"),
                    view.tree().groups().get(0).children().stream().map(NavigatorNode::label).toList());
            assertEquals(ws.root(), recent.list().get(0), "remembered as the most recent workspace");
            assertTrue(view.status().getText().startsWith("raw images (3), labelling (0)"), view.status().getText());

            assertTrue(view.select("well2.tif"));
            assertEquals(SelectedItem.class, selected.get(selected.size() - 1).getClass());
            assertEquals("well2", ((SelectedItem) selected.get(selected.size() - 1)).name());

            view.buttons().forEach(b -> {
                assertTrue(b.isEnabled());
                b.notifyListeners(SWT.Selection, new Event());
            });
            swt.flush();
            assertEquals(List.of("import plate1 0", "prepare plate1", "labels plate1", "train plate1", "predict plate1",
                    "evaluate plate1 null"), actions, "Evaluate gets no folder: an image is selected");
        }
    }

    @Test
    void aFolderThatIsNoWorkspaceIsReportedInRed() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("holiday photos"));
        try (SwtFixture swt = new SwtFixture(700, 500)) {
            NavigatorView view = view(swt);
            view.open(plain);
            assertTrue(view.status().getText().contains("is not a Fluffy workspace"), view.status().getText());
            assertEquals(swt.display.getSystemColor(SWT.COLOR_RED), view.status().getForeground());
            assertNull(view.workspace());
        }
    }

    @Test
    void aRunFolderFromElsewhereIsListedAndSelected() throws Exception {
        Path run = Files.createDirectories(dir.resolve("runs/nuclei"));
        try (EpochLog log = EpochLog.create(run.resolve("epochs.csv"))) {
            log.append(new EpochResult(1, 0.7, 0.6, 0.5, 0.4, 1e-3, 10, true));
        }
        try (SwtFixture swt = new SwtFixture(700, 500)) {
            NavigatorView view = view(swt);
            view.openRun(run);
            assertTrue(swt.waitUntil(() -> !selected.isEmpty(), 10_000), "the run is selected once listed");
            assertEquals(new SelectedRun(run), selected.get(0));
            assertEquals("Training runs (1)", view.tree().groups().get(0).label());
        }
    }

    @Test
    void aSelectionAskedForWhileReadingWaitsForTheTree() throws Exception {
        Workspace ws = Workspace.create(dir.resolve("plate2"));
        IJ.saveAsTiff(new ImagePlus("a", new ShortProcessor(8, 8)), ws.raw().resolve("a.tif").toString());
        try (SwtFixture swt = new SwtFixture(700, 500)) {
            NavigatorView view = view(swt);
            view.open(ws.root());
            assertTrue(view.select("a.tif"), "accepted while reading");
            assertTrue(swt.waitUntil(() -> !selected.isEmpty(), 10_000));
            assertEquals("a", ((SelectedItem) selected.get(0)).name());
        }
    }

    private static Text find(NavigatorView view) {
        List<Text> found = new ArrayList<>();
        collect(view.control(), found);
        assertEquals(1, found.size());
        return found.get(0);
    }

    private static void collect(org.eclipse.swt.widgets.Control c, List<Text> into) {
        if (c instanceof Text t) {
            into.add(t);
        }
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (var child : comp.getChildren()) {
                collect(child, into);
            }
        }
    }
}
