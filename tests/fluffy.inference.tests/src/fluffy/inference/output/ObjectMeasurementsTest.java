package fluffy.inference.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import fluffy.core.image.Plane;
import fluffy.core.labels.LabelMap;
import fluffy.core.labels.ShapeDescriptors;

/** The CSV row of an object: its pixel measures, its mean intensity when the image is known, its shape. */
class ObjectMeasurementsTest {

    @Test
    void aRowHoldsThePixelMeasuresTheIntensityAndTheShapeDescriptors() throws Exception {
        // A 3 x 2 rectangle (label 4) and a single pixel (label 9) on a 5 x 4 image.
        LabelMap map = new LabelMap(5, 4, new int[] {
            0, 4, 4, 4, 0,
            0, 4, 4, 4, 0,
            0, 0, 0, 0, 0,
            9, 0, 0, 0, 0});
        float[] pixels = new float[20];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i;
        }
        ObjectMeasurements m = ObjectMeasurements.of(map, new Plane(5, 4, pixels));
        StringWriter csv = new StringWriter();
        m.writeCsv(csv, 1, 2);
        List<String> rows = csv.toString().lines().toList();
        assertEquals(2, rows.size());
        ShapeDescriptors.Shape shape = ShapeDescriptors.of(map).shape(4);
        // Mean of 1, 2, 3, 6, 7, 8 is 4.5; centroid (2, 0.5); box from (1, 0), 3 x 2; then scikit-image's
        // perimeter 6, circularity 4 pi 6 / 36, solidity 1, axes 4 sqrt(2/3) and 4 sqrt(1/4), eccentricity
        // sqrt(1 - 3/8), and a major axis along x: orientation 0 (written 0.0000, never -0.0000).
        assertEquals("1,2,4,6,2.000,0.500,1,0,3,2,4.5000,6.0000,2.0944,1.0000,3.2660,2.0000,0.7906,0.0000", rows.get(0));
        assertEquals(1.0, shape.solidity());
        assertEquals(ObjectMeasurements.HEADER.split(",").length, rows.get(1).split(",", -1).length);

        // With a known pixel size, the same measures in micrometres follow: 0.5 um square pixels.
        StringWriter physical = new StringWriter();
        m.writeCsv(physical, 1, 2, new fluffy.io.PixelSize(0.5, 0.5, Double.NaN));
        String[] header = ObjectMeasurements.header(new fluffy.io.PixelSize(0.5, 0.5, Double.NaN)).split(",");
        String[] row = physical.toString().lines().toList().get(0).split(",", -1);
        assertEquals(header.length, row.length);
        assertEquals(List.of("1.50000", "1.00000", "0.250000", "3.00000", "1.63299", "1.00000"),
                List.of(row).subList(row.length - 6, row.length), "area 6 px = 1.5 um2, centroid, perimeter, axes");
        assertEquals("area_um2", header[header.length - 6]);
        // Rectangular pixels have no single length scale: perimeter and axes in um are left empty.
        StringWriter anisotropic = new StringWriter();
        m.writeCsv(anisotropic, 1, 2, new fluffy.io.PixelSize(0.5, 0.25, Double.NaN));
        String[] r = anisotropic.toString().lines().toList().get(0).split(",", -1);
        assertEquals(List.of("0.750000", "1.00000", "0.125000", "", "", ""), List.of(r).subList(r.length - 6, r.length));

        StringWriter withoutImage = new StringWriter();
        ObjectMeasurements.of(map, null).writeCsv(withoutImage, 1, 1);
        assertEquals("", withoutImage.toString().lines().toList().get(0).split(",", -1)[10],
                "the mean intensity is unknown without the image, not 0");
    }
}
