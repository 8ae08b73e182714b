package fluffy.commands.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fluffy.commands.DeviceOption;
import fluffy.headless.Arguments;
import fluffy.headless.Command;
import fluffy.headless.CommandContext;
import fluffy.headless.ExitCodes;
import fluffy.headless.Options;
import fluffy.headless.UsageException;
import fluffy.onnx.autodiff.ConvInputGradient;
import fluffy.runtime.DeviceChoice;
import fluffy.runtime.DeviceRequest;
import fluffy.runtime.Devices;
import fluffy.runtime.session.SessionSettings;

/** {@code fluffy bench}: training-step and inference speed of the U-Net, one line per configuration. */
public final class BenchCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: fluffy bench [--threads N] [--device auto|cpu|cuda[:N]] [--batch 4] [--sizes 128,256]
                                    [--infer-sizes 512,1024] [--width 16] [--depth 4] [--repeats 7] [--warmup 2]
                                    [--input-gradient conv-transpose|flipped-conv|both]

                Prints one line per configuration with median figures, e.g.
                  unet base=16 depth=4 batch=4 size=256 threads=2 device=CPU grad=flipped-conv train_step_ms=612.3
                  unet base=16 depth=4 batch=1 size=512 threads=2 device=CPU infer_ms=160.2 infer_mpix_s=1.64
                The model is the plain U-Net (481,745 parameters at depth 4, width 16), Adam, random data.
                A PyTorch reference for the same architecture: bundles/fluffy.commands/bench/unet_reference.py

                       fluffy bench batch [--images 10000] [--size 64] [--bad-every 500] [--model M]
                                          [--threads N] [--dir DIR]
                A long prediction batch (a soak test): writes --images synthetic images (every --bad-every-th
                a text file named .tif) into DIR (default: a temporary folder, deleted after), predicts them
                with instances, and prints the resident memory (RSS) every tenth of the way and at the end,
                and whether every bad file was named and every other predicted (exit 0) or not (exit 1).
                """;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws Exception {
        if (!arguments.isEmpty() && arguments.get(0).equals("batch")) {
            return batch(context, arguments.subList(1, arguments.size()));
        }
        Arguments args = Arguments.parse(arguments, Set.of());
        int threads = Options.positive(args, "threads", Runtime.getRuntime().availableProcessors());
        DeviceRequest request = DeviceOption.parse(args.value("device").orElse("cpu"));
        int batch = Options.positive(args, "batch", 4);
        List<Integer> sizes = sizes(args, "sizes", "128,256");
        List<Integer> inferSizes = sizes(args, "infer-sizes", "512,1024");
        int width = Options.positive(args, "width", 16);
        int depth = Options.positive(args, "depth", 4);
        int repeats = Options.positive(args, "repeats", 7);
        int warmup = Options.positive(args, "warmup", 2);
        List<ConvInputGradient> forms = forms(args.value("input-gradient").orElse("flipped-conv"));
        args.finish();
        args.noPositional();
        DeviceChoice device = Devices.choose(request);
        context.err().println("device: " + device.describe());
        SessionSettings settings = new SessionSettings(device, threads);
        UNetBenchmark bench = new UNetBenchmark(depth, width, settings, warmup, repeats);
        String prefix = String.format(Locale.ROOT, "unet base=%d depth=%d", width, depth);
        String where = String.format(Locale.ROOT, "threads=%d device=%s", threads, device.device());
        for (int size : sizes) {
            for (ConvInputGradient form : forms) {
                double ms = bench.trainStepMillis(batch, size, form);
                context.out().printf(Locale.ROOT, "%s batch=%d size=%d %s grad=%s train_step_ms=%.1f%n", prefix, batch,
                        size, where, name(form), ms);
            }
        }
        for (int size : inferSizes) {
            double ms = bench.inferMillis(size);
            context.out().printf(Locale.ROOT, "%s batch=1 size=%d %s infer_ms=%.1f infer_mpix_s=%.2f%n", prefix, size,
                    where, ms, size * (double) size / 1e6 / (ms / 1000));
        }
        return ExitCodes.OK;
    }

    private static int batch(CommandContext context, List<String> arguments) throws Exception {
        Arguments args = Arguments.parse(arguments, Set.of());
        int images = Options.positive(args, "images", 10000);
        int size = Options.positive(args, "size", 64);
        int badEvery = Options.nonNegative(args, "bad-every", 500);
        java.nio.file.Path model = fluffy.inference.DefaultModel.orDefault(args.value("model").orElse(null));
        int threads = Options.positive(args, "threads", Runtime.getRuntime().availableProcessors());
        String given = args.value("dir").orElse(null);
        args.finish();
        args.noPositional();
        java.nio.file.Path dir = given != null ? java.nio.file.Path.of(given)
                : java.nio.file.Files.createTempDirectory("fluffy-soak");
        try {
            boolean ok = new BatchSoak(images, size, badEvery, SessionSettings.cpu(threads)).run(model, dir,
                    context.out());
            return ok ? ExitCodes.OK : ExitCodes.FAILED;
        } finally {
            if (given == null) {
                BatchSoak.delete(dir);
            }
        }
    }

    private static String name(ConvInputGradient form) {
        return form.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static List<ConvInputGradient> forms(String text) throws UsageException {
        return switch (text) {
            case "conv-transpose" -> List.of(ConvInputGradient.CONV_TRANSPOSE);
            case "flipped-conv" -> List.of(ConvInputGradient.FLIPPED_CONV);
            case "both" -> List.of(ConvInputGradient.CONV_TRANSPOSE, ConvInputGradient.FLIPPED_CONV);
            default -> throw new UsageException("--input-gradient must be conv-transpose, flipped-conv or both");
        };
    }

    private static List<Integer> sizes(Arguments args, String name, String fallback) throws UsageException {
        List<Integer> sizes = new ArrayList<>();
        for (String part : args.value(name).orElse(fallback).split(",")) {
            try {
                int s = Integer.parseInt(part.trim());
                if (s < 8 || s % 8 != 0) {
                    throw new NumberFormatException();
                }
                sizes.add(s);
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " takes sizes that are multiples of 8, got '" + part + "'");
            }
        }
        return sizes;
    }
}
