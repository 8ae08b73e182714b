package fluffy.inference.bioimageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fluffy.core.labels.LabelMap;
import fluffy.core.synthetic.SyntheticNuclei;
import fluffy.inference.FluffyModel;
import fluffy.inference.PostProcessing;
import fluffy.inference.PredictionModel;
import fluffy.inference.Predictor;
import fluffy.inference.TileSettings;
import fluffy.inference.TinyModelAccess;
import fluffy.inference.export.BioImageIoPackage;
import fluffy.models.unet.CategoricalUNet;
import fluffy.runtime.session.SessionSettings;

/**
 * Export, re-import, predict: a Fluffy model exported as a bioimage.io package and read back gives the same
 * label maps as the model itself, through its own model type (the package names it) and, with that note
 * removed, through the background/object/border rule any categorical package gets.
 */
class RoundTripTest {

    @Test
    void anExportedModelReadBackGivesTheSameLabelMaps(@TempDir Path dir) throws Exception {
        FluffyModel original = TinyModelAccess.model();
        Path zip = dir.resolve("model.zip");
        BioImageIoPackage.write(original, zip);
        Map<String, byte[]> files = new LinkedHashMap<>();
        String rdf;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(e)) {
                    files.put(e.getName(), in.readAllBytes());
                }
            }
        }
        rdf = new String(files.remove("rdf.yaml"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(rdf.contains("config:"), "the export notes its model type");
        Path anonymous = ThirdPartyPackages.folder(dir.resolve("anonymous"),
                rdf.substring(0, rdf.indexOf("config:")), files);

        PredictionModel own = PredictionModel.read(zip, id -> new CategoricalUNet());
        PredictionModel byNames = PredictionModel.read(anonymous, id -> new CategoricalUNet());
        assertTrue(own.describe().contains(original.describe()), own.describe());
        assertTrue(byNames.describe().contains("background/object/border"), byNames.describe());

        SyntheticNuclei generator = new SyntheticNuclei(SyntheticNuclei.Settings.nuclei(300, 220));
        for (TileSettings tiles : new TileSettings[] {TileSettings.DEFAULT, new TileSettings(128, 32, 2)}) {
            for (int seed = 0; seed < 3; seed++) {
                SyntheticNuclei.Sample s = generator.generate(500 + seed);
                LabelMap expected = segment(original, tiles, s);
                assertTrue(expected.objectCount() > 5, "the test model finds nuclei");
                assertEquals(expected, segment(own, tiles, s), "through its model type, image " + seed);
                assertEquals(expected, segment(byNames, tiles, s), "through the channel names, image " + seed);
            }
        }
    }

    private static LabelMap segment(PredictionModel model, TileSettings tiles, SyntheticNuclei.Sample s)
            throws Exception {
        try (Predictor p = new Predictor(model, SessionSettings.cpu(), tiles)) {
            return p.segment(s.image(), PostProcessing.DEFAULT, false, new NullProgressMonitor()).labels();
        }
    }
}
