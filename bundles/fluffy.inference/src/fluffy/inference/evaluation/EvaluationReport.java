package fluffy.inference.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fluffy.core.files.AtomicFiles;

/** Writes per-image and aggregate scores as CSV (a row per image, then {@code ALL}) and as JSON. */
public final class EvaluationReport {

    private EvaluationReport() {
    }

    public static String csv(List<ImageScores> images, ImageScores all) {
        StringBuilder out = new StringBuilder("image,truth_objects,predicted_objects");
        for (double t : ImageScores.THRESHOLDS) {
            String at = String.format(Locale.ROOT, "@%.2f", t);
            out.append(",tp").append(at).append(",fp").append(at).append(",fn").append(at).append(",precision")
                    .append(at).append(",recall").append(at).append(",f1").append(at).append(",ap").append(at);
        }
        out.append(",mean_ap,mean_matched_iou,panoptic_quality,pixel_iou,dice\n");
        List<ImageScores> rows = new ArrayList<>(images);
        rows.add(all);
        for (ImageScores s : rows) {
            out.append(csvText(s.name())).append(',').append(s.truthObjects()).append(',').append(s.predictedObjects());
            for (ImageScores.Counts c : s.thresholds()) {
                out.append(String.format(Locale.ROOT, ",%d,%d,%d,%.6f,%.6f,%.6f,%.6f", c.tp(), c.fp(), c.fn(),
                        c.precision(), c.recall(), c.f1(), c.ap()));
            }
            out.append(String.format(Locale.ROOT, ",%.6f,%.6f,%.6f,%.6f,%.6f%n", s.meanAp(), s.meanMatchedIou(),
                    s.panopticQuality(), s.pixelIou(), s.dice()));
        }
        return out.toString();
    }

    public static String json(List<ImageScores> images, ImageScores all) {
        StringBuilder out = new StringBuilder("{\n  \"thresholds\": [");
        for (int k = 0; k < ImageScores.THRESHOLDS.size(); k++) {
            out.append(k > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.2f", ImageScores.THRESHOLDS.get(k)));
        }
        out.append("],\n  \"aggregate\": ").append(json(all, "  ")).append(",\n  \"images\": [");
        for (int i = 0; i < images.size(); i++) {
            out.append(i > 0 ? "," : "").append("\n    ").append(json(images.get(i), "    "));
        }
        return out.append("\n  ]\n}\n").toString();
    }

    private static String json(ImageScores s, String indent) {
        StringBuilder out = new StringBuilder("{\"image\": ").append(jsonText(s.name()));
        out.append(", \"truth_objects\": ").append(s.truthObjects());
        out.append(", \"predicted_objects\": ").append(s.predictedObjects());
        for (String key : List.of("tp", "fp", "fn", "precision", "recall", "f1", "ap")) {
            out.append(",\n").append(indent).append("  \"").append(key).append("\": [");
            for (int k = 0; k < s.thresholds().size(); k++) {
                ImageScores.Counts c = s.thresholds().get(k);
                double v = switch (key) {
                    case "tp" -> c.tp();
                    case "fp" -> c.fp();
                    case "fn" -> c.fn();
                    case "precision" -> c.precision();
                    case "recall" -> c.recall();
                    case "f1" -> c.f1();
                    default -> c.ap();
                };
                out.append(k > 0 ? ", " : "").append(key.length() == 2 && !key.equals("f1") ? Long.toString((long) v)
                        : String.format(Locale.ROOT, "%.6f", v));
            }
            out.append(']');
        }
        out.append(String.format(Locale.ROOT, ",%n%s  \"mean_ap\": %.6f, \"mean_matched_iou\": %.6f, "
                + "\"panoptic_quality\": %.6f, \"pixel_iou\": %.6f, \"dice\": %.6f}", indent, s.meanAp(),
                s.meanMatchedIou(), s.panopticQuality(), s.pixelIou(), s.dice()));
        return out.toString();
    }

    /** Writes {@code evaluation.csv} and {@code evaluation.json} into {@code dir}; returns both paths. */
    public static List<Path> write(Path dir, List<ImageScores> images, ImageScores all) throws IOException {
        Path csv = dir.resolve("evaluation.csv");
        Path json = dir.resolve("evaluation.json");
        AtomicFiles.writeString(csv, csv(images, all));
        AtomicFiles.writeString(json, json(images, all));
        return List.of(csv, json);
    }

    private static String csvText(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String jsonText(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
