package fluffy.core.labels;

import java.util.Arrays;
import java.util.List;

/**
 * How large the objects of label maps are, as the diameter of the disc of the same area
 * ({@code 2 sqrt(area / pi)}): what a model's scale is measured in and what {@code --diameter} means.
 */
public final class ObjectSizes {

    private ObjectSizes() {
    }

    /** The median equivalent diameter over every object of the maps, in pixels; NaN when there are none. */
    public static double medianDiameter(List<LabelMap> maps) {
        int count = 0;
        int[][] areas = new int[maps.size()][];
        for (int m = 0; m < maps.size(); m++) {
            LabelMap map = maps.get(m);
            int[] a = new int[map.maxLabel() + 1];
            for (int l : map.labels()) {
                a[l]++;
            }
            areas[m] = a;
            for (int l = 1; l < a.length; l++) {
                count += a[l] > 0 ? 1 : 0;
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        double[] diameters = new double[count];
        int k = 0;
        for (int[] a : areas) {
            for (int l = 1; l < a.length; l++) {
                if (a[l] > 0) {
                    diameters[k++] = 2 * Math.sqrt(a[l] / Math.PI);
                }
            }
        }
        Arrays.sort(diameters);
        return count % 2 == 1 ? diameters[count / 2] : (diameters[count / 2 - 1] + diameters[count / 2]) / 2;
    }
}
