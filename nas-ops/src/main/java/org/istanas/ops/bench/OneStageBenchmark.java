package org.istanas.ops.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.ops.OpsPlugin;
import org.istanas.ops.engine.Nd4jEngine;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.OneStageNetwork;
import org.istanas.api.network.Optimizer;
import org.istanas.api.network.SearchNetworkSpec;

/**
 * Times one one-stage ISTA-NAS step on random data, as {@code OneStageJob.step} runs it: forward and backward
 * of one training batch (main and auxiliary loss), an Adam step on b, gradient clipping of weights and b to norm 5,
 * an SGD step on the weights. Defaults are the paper's size (20 cells, 36 channels, batch 96, aux weight 0.4).
 * Supports are random top-2 per node (as {@link StepBenchmark}) or fixed ({@link BenchSupports}).
 */
public final class OneStageBenchmark {
    /** Benchmark settings. */
    public record Options(int batch, int channels, int layers, double auxWeight, int steps, int warmup, long seed,
                          boolean json, BenchSupports supports) {
        public Options {
            if (batch < 2 || channels < 1 || layers < 3 || steps < 1 || warmup < 0 || auxWeight < 0) {
                throw new IllegalArgumentException("need --batch >= 2, --channels >= 1, --layers >= 3, --steps >= 1,"
                        + " --warmup >= 0, --aux-weight >= 0");
            }
        }
    }

    /** Timing outcome. */
    public record Result(Options options, double medianMs, double minMs, double imagesPerSecond, double peakRssMb,
                         String backend, double lastLoss) {
    }

    private OneStageBenchmark() {
    }

    public static Result run(Options o) {
        NetworkEngine engine = new Nd4jEngine();
        ImageShape shape = new ImageShape(3, 32, 32);
        SearchNetworkSpec spec = new SearchNetworkSpec(shape, 10, o.channels(), o.layers(), StepBenchmark.NODES,
                OpsPlugin.paperOperations(), o.auxWeight(), o.seed());
        Random random = new Random(o.seed());
        try (OneStageNetwork net = engine.oneStageNetwork(spec)) {
            StepBenchmark.drawSupports(net, spec, random, o.supports());
            Optimizer adam = engine.adam(net.architecture(), 3e-4, 0.5, 0.999, 1e-3);
            Optimizer sgd = engine.sgd(net.weights(), 0.025, 0.9, 3e-4);
            Batch train = StepBenchmark.randomBatch(random, o.batch(), shape, 10);
            List<Double> times = new ArrayList<>();
            double loss = Double.NaN;
            for (int it = 0; it < o.warmup() + o.steps(); it++) {
                long t0 = System.nanoTime();
                loss = net.trainStep(train).loss();
                adam.step();
                engine.clipGradientNorm(5.0, net.weights(), net.architecture());
                sgd.step();
                double ms = (System.nanoTime() - t0) / 1e6;
                if (it >= o.warmup()) {
                    times.add(ms);
                }
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("non-finite training loss at step " + it + ": " + loss);
                }
            }
            double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            return new Result(o, median, sorted[0], o.batch() / (median / 1000), StepBenchmark.memoryMb("VmHWM"),
                    engine.describe(), loss);
        }
    }

    private static String supportsName(Options o) {
        return o.supports() == null ? "random" : o.supports().description();
    }

    public static void print(Result r, PrintStream out) {
        Options o = r.options();
        if (o.json()) {
            out.println(String.format(Locale.ROOT,
                    "{\"impl\": \"istanas-nd4j\", \"backend\": \"%s\", \"mode\": \"onestage\", \"batch\": %d, "
                            + "\"channels\": %d, \"layers\": %d, \"aux_weight\": %s, \"steps\": %d, "
                            + "\"ms_per_step_median\": %.1f, \"ms_per_step_min\": %.1f, \"images_per_s\": %.1f, "
                            + "\"peak_rss_mb\": %.1f, \"supports\": \"%s\", \"loss\": %.4f}",
                    r.backend().replace("\"", "'"), o.batch(), o.channels(), o.layers(), o.auxWeight(), o.steps(),
                    r.medianMs(), r.minMs(), r.imagesPerSecond(), r.peakRssMb(), supportsName(o), r.lastLoss()));
        } else {
            out.println("backend:      " + r.backend());
            out.printf(Locale.ROOT, "one-stage step (batch %d, %d channels, %d layers, aux %s): median %.1f ms, "
                            + "min %.1f ms over %d steps%n", o.batch(), o.channels(), o.layers(), o.auxWeight(),
                    r.medianMs(), r.minMs(), o.steps());
            out.println("supports:     " + supportsName(o));
            out.printf(Locale.ROOT, "throughput:   %.1f images/s%n", r.imagesPerSecond());
            out.printf(Locale.ROOT, "peak RSS:     %.1f MB%n", r.peakRssMb());
        }
    }
}
