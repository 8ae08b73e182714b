package fluffy.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import fluffy.product.ProductInstall.Run;

/**
 * What the product writes for other tools, read by independent readers: the bioimage.io package's
 * {@code rdf.yaml} validated against the spec's own JSON schema, and the GeoJSON of a prediction read by a
 * strict JSON parser and JTS, whose polygons must be valid and match the label map's objects.
 */
class InteropProductTest {

    /** The spec's definition of a model of format 0.5 in {@code bioimageio_schema.json}. */
    static final String MODEL_DEFINITION = "bioimageio__spec__model__v0_5__ModelDescr";

    @TempDir
    static Path dir;

    static ProductInstall product;

    @BeforeAll
    static void unpack() throws Exception {
        product = ProductInstall.unpack(dir);
    }

    @Test
    void theExportedPackageHasNoErrorAgainstTheSpecsJsonSchema() throws Exception {
        Path schemaFile = HeadlessProductTest.sharedData("bioimageio").resolve("bioimageio_schema.json");
        Path zip = dir.resolve("default.zip");
        Run export = product.run("export", "--format", "bioimageio", "--output", zip.toString());
        assertEquals(0, export.exit(), export.toString());

        JsonNode rdf = rdf(zip);
        JsonSchema validator = validator(schemaFile);
        Set<ValidationMessage> errors = validator.validate(rdf);
        assertEquals(Set.of(), errors, "rdf.yaml against " + schemaFile + ":\n" + rdf.toPrettyString());
        JsonNode model = new ObjectMapper().readTree(schemaFile.toFile()).get("$defs").get(MODEL_DEFINITION);
        assertEquals(model.get("properties").get("format_version").get("const").asText(),
                rdf.get("format_version").asText(), "the schema's format version");

        // The same validator does find errors: a package without its weights is refused.
        ((ObjectNode) rdf).remove("weights");
        assertTrue(!validator.validate(rdf).isEmpty(), "the schema check can fail");
    }

    /**
     * Export, re-import, predict on the real product: the default model exported as a bioimage.io package and
     * given to {@code fluffy predict --model} (the zip, and its unpacked rdf.yaml) writes the very label maps
     * and measurements the model itself writes.
     */
    @Test
    void theDefaultModelAsABioImageIoPackagePredictsTheSameLabelMapsAsItself() throws Exception {
        Path demo = dir.resolve("package-demo");
        Run made = product.run("demo", "--dir", demo.toString(), "--images", "2", "--size", "256");
        assertEquals(0, made.exit(), made.toString());
        Path zip = dir.resolve("roundtrip.zip");
        assertEquals(0, product.run("export", "--format", "bioimageio", "--output", zip.toString()).exit());
        Path unpacked = Files.createDirectories(dir.resolve("roundtrip"));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, unpacked.resolve(e.getName()));
                }
            }
        }
        Map<String, Path> outputs = new java.util.LinkedHashMap<>();
        for (String model : List.of("default", zip.toString(), unpacked.resolve("rdf.yaml").toString())) {
            Path out = dir.resolve("roundtrip-out-" + outputs.size());
            List<String> args = new ArrayList<>(List.of("predict", "--input", demo.resolve("Raw").toString(), "--output",
                    out.toString(), "--instances", "--diameter", "none"));
            if (!model.equals("default")) {
                args.addAll(List.of("--model", model));
            }
            Run run = product.run(args.toArray(String[]::new));
            assertEquals(0, run.exit(), run.toString());
            if (!model.equals("default")) {
                assertTrue(run.err().contains("bioimage.io 'Fluffy"), run.toString());
            }
            outputs.put(model, out);
        }
        Path reference = outputs.get("default");
        for (Path out : outputs.values()) {
            for (String file : List.of("nuclei_01.tif", "nuclei_02.tif", "nuclei_01_objects.csv", "nuclei_02_objects.csv")) {
                assertEquals(-1, Files.mismatch(reference.resolve(file), out.resolve(file)), out + "/" + file
                        + " differs from the model's own");
            }
        }
    }

    /**
     * Several channels through the product's commands: a two-channel cells workspace, a model trained on both
     * channels (recorded in run.json and the model), predicted with the channels it records, and refused when
     * given one channel.
     */
    @Test
    void aModelOfTwoChannelsTrainsRecordsItsChannelsAndPredictsWithThem() throws Exception {
        Path ws = dir.resolve("cells");
        Run made = product.run("demo", "--cells", "--dir", ws.toString(), "--images", "6", "--size", "128");
        assertEquals(0, made.exit(), made.toString());
        assertTrue(made.out().contains("--channels 1,2"), made.toString());
        Path runs = dir.resolve("cell-runs");
        Run train = product.run("train", "--dir_in", ws.toString(), "--dir_out", runs.toString(), "--name", "both",
                "--channels", "1,2", "--epochs", "1", "--steps-per-epoch", "4", "--crop", "64", "--batch", "2");
        assertEquals(0, train.exit(), train.toString());
        assertTrue(Files.readString(runs.resolve("both/run.json")).contains("\"channels\": \"1,2\""),
                "run.json records the channels");
        Path model = runs.resolve("both/model.onnx");
        Run predict = product.run("predict", "--model", model.toString(), "--input", ws.resolve("Raw").toString(),
                "--output", dir.resolve("cell-pred").toString(), "--instances");
        assertEquals(0, predict.exit(), predict.toString());
        assertTrue(predict.out().contains("6 of 6 image(s) predicted"), predict.toString());
        Run refused = product.run("predict", "--model", model.toString(), "--input", ws.resolve("Raw").toString(),
                "--output", dir.resolve("cell-pred-1").toString(), "--channel", "1");
        assertTrue(refused.exit() != 0 && refused.err().contains("takes 2 channel(s)"), refused.toString());

        // Its bioimage.io package: a channel axis of two, valid against the spec's schema.
        Path zip = dir.resolve("cells.zip");
        Run export = product.run("export", "--model", model.toString(), "--format", "bioimageio", "--output",
                zip.toString());
        assertEquals(0, export.exit(), export.toString());
        JsonNode rdf = rdf(zip);
        Path schemaFile = HeadlessProductTest.sharedData("bioimageio").resolve("bioimageio_schema.json");
        assertEquals(Set.of(), validator(schemaFile).validate(rdf), rdf.toPrettyString());
        assertEquals("[\"c1\",\"c2\"]", rdf.get("inputs").get(0).get("axes").get(1).get("channel_names").toString());
    }

    @Test
    void predictionsAsGeoJsonAreValidPolygonsWithTheObjectsAreasAndMeasurements() throws Exception {
        Path demo = dir.resolve("demo");
        Run made = product.run("demo", "--dir", demo.toString(), "--images", "2", "--size", "256");
        assertEquals(0, made.exit(), made.toString());
        Path out = dir.resolve("geojson");
        Run run = product.run("predict", "--input", demo.resolve("Raw").toString(), "--output", out.toString(),
                "--instances", "--formats", "tif,csv,geojson");
        assertEquals(0, run.exit(), run.toString());
        try (var files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().toList();
            assertEquals(List.of("nuclei_01.geojson", "nuclei_01.tif", "nuclei_01_objects.csv", "nuclei_02.geojson",
                    "nuclei_02.tif", "nuclei_02_objects.csv"), names, "only the formats asked for");
        }
        // A strict JSON parser: no trailing content, no duplicate keys.
        JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
        GeoJsonReader reader = new GeoJsonReader();
        for (String stem : List.of("nuclei_01", "nuclei_02")) {
            String text = Files.readString(out.resolve(stem + ".geojson"));
            JsonNode collection = strict.readTree(text);
            assertEquals("FeatureCollection", collection.get("type").asText());
            Map<Integer, Long> areas = csvAreas(out.resolve(stem + "_objects.csv"));
            JsonNode features = collection.get("features");
            assertEquals(areas.size(), features.size(), "a feature per object of the CSV");
            assertTrue(features.size() > 10, stem + " has objects");
            List<String> ids = new ArrayList<>();
            for (JsonNode feature : features) {
                assertEquals("Feature", feature.get("type").asText());
                ids.add(feature.get("id").asText());
                JsonNode properties = feature.get("properties");
                assertEquals("detection", properties.get("objectType").asText(), "a QuPath detection");
                int label = properties.get("label").asInt();
                Geometry geometry = reader.read(feature.get("geometry").toString());
                IsValidOp valid = new IsValidOp(geometry);
                assertTrue(valid.isValid(), stem + " label " + label + ": " + valid.getValidationError());
                assertTrue(Set.of("Polygon", "MultiPolygon").contains(geometry.getGeometryType()));
                assertEquals((double) areas.get(label), geometry.getArea(), 1e-9,
                        "the outline along pixel edges encloses exactly the object's pixels");
                assertEquals(areas.get(label).longValue(), properties.get("measurements").get("area").asLong());
            }
            assertEquals(ids.size(), ids.stream().distinct().count(), "feature ids are unique");
            Geometry all = reader.read(text);
            assertEquals(features.size(), all.getNumGeometries(), "JTS reads the whole FeatureCollection");
        }
        Run usage = product.run("predict", "--input", demo.resolve("Raw").toString(), "--output", out.toString(),
                "--formats", "csv,geojson");
        assertEquals(2, usage.exit(), usage.toString());
        assertTrue(usage.err().contains("must include tif"), usage.toString());
    }

    @Test
    void versionAndPrepareNameTheRealBioFormatsJarAndPrepareReadsABigTiffThroughIt() throws Exception {
        Path jar = HeadlessProductTest.sharedData("bioformats").resolve("bioformats-4.4.10.jar").toAbsolutePath()
                .normalize();
        Path bigTiff = HeadlessProductTest.sharedData("tiff-variants").resolve("bigtiff_u16.tif");
        Run version = product.run(Map.of("FLUFFY_BIOFORMATS_JAR", jar.toString()), "version");
        assertEquals(0, version.exit(), version.toString());
        assertTrue(version.out().contains(": Bio-Formats 4.4.10-ice35-b112 from " + jar + " ($FLUFFY_BIOFORMATS_JAR)"),
                version.toString());
        Run without = product.run("version");
        assertTrue(without.out().contains("no Bio-Formats jar configured"), without.toString());

        Path ws = dir.resolve("bioformats-ws");
        assertEquals(0, product.run("init", ws.toString()).exit());
        Files.copy(bigTiff, ws.resolve("Raw/bigtiff_u16.tif"));
        Run prepare = product.run("prepare", ws.toString(), "--bioformats", jar.toString());
        assertEquals(0, prepare.exit(), prepare.toString());
        assertTrue(prepare.err().contains("image reader Bio-Formats (user-installed bioformats_package.jar): "
                + "Bio-Formats 4.4.10-ice35-b112 from " + jar), prepare.toString());
        assertTrue((prepare.out() + prepare.err()).contains("bigtiff_u16.tif: prepared bigtiff_u16 (40 x 32, C1 uint16, Tagged Image "
                + "File Format (Bio-Formats))"), prepare.toString());
    }

    @Test
    void theOmeTiffLabelMapOfACziIsReadByBioFormatsWithTheCzisPixelSizeAndPlanes() throws Exception {
        Path jar = HeadlessProductTest.sharedData("bioformats").resolve("bioformats-4.4.10.jar");
        Path czi = HeadlessProductTest.sharedData("czi").resolve("CD_s_1_t_3_c_2_z_5.czi");
        Path out = dir.resolve("ome");
        Run run = product.run("predict", "--input", czi.toString(), "--output", out.toString(), "--instances",
                "--type", "all", "--channel", "1", "--formats", "tif,csv,ome-tiff");
        assertEquals(0, run.exit(), run.toString());
        // The objects CSV in physical units too, from the CZI's scaling.
        List<String> csv = Files.readAllLines(out.resolve("CD_s_1_t_3_c_2_z_5_objects.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        assertTrue(header.contains("area_um2") && header.contains("perimeter_um"), header.toString());
        for (String line : csv.subList(1, csv.size())) {
            String[] v = line.split(",", -1);
            double area = Double.parseDouble(v[header.indexOf("area")]);
            assertEquals(area * 0.0905766742 * 0.0905766742, Double.parseDouble(v[header.indexOf("area_um2")]),
                    1e-5 * area, line);
        }
        Path ome = out.resolve("CD_s_1_t_3_c_2_z_5_labels.ome.tif");
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            // Bio-Formats' own OME-XML metadata store, filled as it reads the file.
            Object services = Class.forName("loci.common.services.ServiceFactory", true, loader).getConstructor()
                    .newInstance();
            Class<?> omeService = Class.forName("loci.formats.services.OMEXMLService", true, loader);
            Object service = services.getClass().getMethod("getInstance", Class.class).invoke(services, omeService);
            Object metadata = omeService.getMethod("createOMEXMLMetadata").invoke(service);
            Class<?> api = Class.forName("loci.formats.IFormatReader", true, loader);
            Object reader = Class.forName("loci.formats.ImageReader", true, loader).getConstructor().newInstance();
            api.getMethod("setMetadataStore", Class.forName("loci.formats.meta.MetadataStore", true, loader))
                    .invoke(reader, metadata);
            api.getMethod("setId", String.class).invoke(reader, ome.toString());
            try {
                assertEquals("OME-TIFF", api.getMethod("getFormat").invoke(reader));
                assertEquals(List.of(240, 170, 1, 5, 3), List.of(api.getMethod("getSizeX").invoke(reader),
                        api.getMethod("getSizeY").invoke(reader), api.getMethod("getSizeC").invoke(reader),
                        api.getMethod("getSizeZ").invoke(reader), api.getMethod("getSizeT").invoke(reader)));
                Class<?> retrieve = Class.forName("loci.formats.meta.MetadataRetrieve", true, loader);
                // The CZI's scaling: 9.0576674152210312E-08 m per pixel, 3.2E-07 m between planes.
                assertEquals("0.0905766742", String.valueOf(retrieve.getMethod("getPixelsPhysicalSizeX", int.class)
                        .invoke(metadata, 0)));
                assertEquals("0.32", String.valueOf(retrieve.getMethod("getPixelsPhysicalSizeZ", int.class)
                        .invoke(metadata, 0)));
            } finally {
                api.getMethod("close").invoke(reader);
            }
        }
    }

    private static JsonNode rdf(Path zip) throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry("rdf.yaml"))) {
            return new YAMLMapper().readTree(in);
        }
    }

    /** The spec's model definition, with the schema's definitions it refers to. */
    private static JsonSchema validator(Path schemaFile) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode full = json.readTree(schemaFile.toFile());
        assertTrue(full.get("$defs").get(MODEL_DEFINITION) != null, "the schema defines " + MODEL_DEFINITION);
        ObjectNode schema = json.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.set("$defs", full.get("$defs"));
        schema.put("$ref", "#/$defs/" + MODEL_DEFINITION);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
    }

    /** Label -> area from an objects CSV. */
    private static Map<Integer, Long> csvAreas(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int label = header.indexOf("label");
        int area = header.indexOf("area");
        Map<Integer, Long> areas = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",");
            areas.put(Integer.parseInt(v[label]), Long.parseLong(v[area]));
        }
        return areas;
    }
}
