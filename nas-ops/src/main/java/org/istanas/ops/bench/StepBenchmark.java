package org.istanas.ops.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.api.genotype.CellType;
import org.istanas.api.genotype.Genotypes;
import org.istanas.ops.OpsPlugin;
import org.istanas.ops.engine.Nd4jEngine;
import org.istanas.api.network.DenseSearchNetwork;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.Optimizer;
import org.istanas.api.network.ParameterGroup;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.SparseSearchNetwork;
import org.istanas.api.network.TrainableNetwork;

/**
 * Times one two-stage search step on random data (the step of {@code shared/bench/torch_reference.py}):
 * forward+backward on a validation batch and an Adam step on the architecture variables, then forward+backward on
 * a training batch, gradient clipping to norm 5 and an SGD step on the weights.
 */
public final class StepBenchmark {
    /** Benchmark settings. */
    public record Options(String mode, int batch, int channels, int layers, int steps, int warmup, long seed,
                          boolean json, int rssEvery, BenchSupports supports) {
        public Options {
            if (!mode.equals("sparse") && !mode.equals("dense")) {
                throw new IllegalArgumentException("--mode must be sparse or dense, got " + mode);
            }
            if (supports != null && !mode.equals("sparse")) {
                throw new IllegalArgumentException("fixed supports (--support-genotype, --supports) need --mode "
                        + "sparse, got " + mode);
            }
            if (batch < 2 || channels < 1 || layers < 3 || steps < 1 || warmup < 0 || rssEvery < 0) {
                throw new IllegalArgumentException("need --batch >= 2, --channels >= 1, --layers >= 3, --steps >= 1,"
                        + " --warmup >= 0, --rss-every >= 0");
            }
        }

        public Options(String mode, int batch, int channels, int layers, int steps, int warmup, long seed,
                       boolean json, int rssEvery) {
            this(mode, batch, channels, layers, steps, warmup, seed, json, rssEvery, null);
        }

        public static Options defaults() {
            return new Options("sparse", 64, 16, 8, 5, 2, 0, false, 0);
        }
    }

    /** Timing outcome. */
    public record Result(Options options, double medianMs, double minMs, double imagesPerSecond, double peakRssMb,
                         List<Double> rssMb, String backend, double lastLoss) {
    }

    /** Intermediate nodes per cell of the benchmark network. */
    static final int NODES = 4;

    private StepBenchmark() {
    }

    static Batch randomBatch(Random random, int size, ImageShape shape, int classes) {
        float[] images = new float[size * shape.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = random.nextInt(classes);
        }
        return new Batch(images, labels, size, shape);
    }

    /**
     * Draws A ~ U[0,1) (7 x n_j), x ~ N(0,1) and S = top-2 |x| per node, as the PyTorch reference does; with
     * {@code fixed} supports, S is taken from them instead (A and x are still drawn, as in the reference).
     */
    static void drawSupports(SparseSearchNetwork net, SearchNetworkSpec spec, Random random, BenchSupports fixed) {
        for (CellType type : CellType.values()) {
            for (int j = 0; j < spec.nodes(); j++) {
                int n = spec.candidates(j);
                double[][] a = new double[7][n];
                for (double[] row : a) {
                    for (int k = 0; k < n; k++) {
                        row[k] = random.nextDouble();
                    }
                }
                double[] x = new double[n];
                Integer[] order = new Integer[n];
                for (int k = 0; k < n; k++) {
                    x[k] = random.nextGaussian();
                    order[k] = k;
                }
                Arrays.sort(order, (p, q) -> Double.compare(Math.abs(x[q]), Math.abs(x[p])));
                int[] support = fixed != null ? fixed.support(type, j)
                        : new int[] {Math.min(order[0], order[1]), Math.max(order[0], order[1])};
                net.setSupport(type, j, a, support, x);
            }
        }
    }

    public static Result run(Options o) {
        NetworkEngine engine = new Nd4jEngine();
        ImageShape shape = new ImageShape(3, 32, 32);
        SearchNetworkSpec spec = new SearchNetworkSpec(shape, 10, o.channels(), o.layers(), NODES,
                OpsPlugin.paperOperations(), 0, o.seed());
        Random random = new Random(o.seed());
        TrainableNetwork net;
        ParameterGroup architecture;
        if (o.mode().equals("sparse")) {
            SparseSearchNetwork sparse = engine.sparseSearchNetwork(spec);
            drawSupports(sparse, spec, random, o.supports());
            net = sparse;
            architecture = sparse.architecture();
        } else {
            DenseSearchNetwork dense = engine.denseSearchNetwork(spec);
            net = dense;
            architecture = dense.architecture();
        }
        try (net) {
            Optimizer adam = engine.adam(architecture, 6e-4, 0.5, 0.999, 1e-3);
            Optimizer sgd = engine.sgd(net.weights(), 0.1, 0.9, 3e-4);
            Batch valid = randomBatch(random, o.batch(), shape, 10);
            Batch train = randomBatch(random, o.batch(), shape, 10);
            List<Double> times = new ArrayList<>();
            List<Double> rss = new ArrayList<>();
            double loss = Double.NaN;
            for (int it = 0; it < o.warmup() + o.steps(); it++) {
                long t0 = System.nanoTime();
                net.trainStep(valid);
                adam.step();
                loss = net.trainStep(train).loss();
                engine.clipGradientNorm(5.0, net.weights());
                sgd.step();
                double ms = (System.nanoTime() - t0) / 1e6;
                if (it >= o.warmup()) {
                    times.add(ms);
                }
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("non-finite training loss at step " + it + ": " + loss);
                }
                if (o.rssEvery() > 0 && (it + 1) % o.rssEvery() == 0) {
                    rss.add(memoryMb("VmRSS"));
                }
            }
            double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            return new Result(o, median, sorted[0], 2 * o.batch() / (median / 1000), memoryMb("VmHWM"), rss,
                    engine.describe(), loss);
        }
    }

    private static String supportsName(Options o) {
        return o.mode().equals("dense") ? "all" : o.supports() == null ? "random" : o.supports().description();
    }

    /** A memory line of /proc/self/status in MB (NaN where there is no /proc). */
    static double memoryMb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    String[] parts = line.substring(key.length() + 1).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    public static void print(Result r, PrintStream out) {
        Options o = r.options();
        if (o.json()) {
            StringBuilder rss = new StringBuilder("[");
            for (int i = 0; i < r.rssMb().size(); i++) {
                rss.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", r.rssMb().get(i)));
            }
            rss.append(']');
            out.println(String.format(Locale.ROOT,
                    "{\"impl\": \"istanas-nd4j\", \"backend\": \"%s\", \"batch\": %d, \"channels\": %d, "
                            + "\"layers\": %d, \"mode\": \"%s\", \"steps\": %d, \"ms_per_step_median\": %.1f, "
                            + "\"ms_per_step_min\": %.1f, \"images_per_s\": %.1f, \"peak_rss_mb\": %.1f, "
                            + "\"supports\": \"%s\", \"rss_mb\": %s}",
                    r.backend().replace("\"", "'"), o.batch(), o.channels(), o.layers(), o.mode(), o.steps(),
                    r.medianMs(), r.minMs(), r.imagesPerSecond(), r.peakRssMb(), supportsName(o), rss));
        } else {
            out.println("backend:      " + r.backend());
            out.printf(Locale.ROOT, "step (%s, batch %d, %d channels, %d layers): median %.1f ms, min %.1f ms "
                            + "over %d steps%n", o.mode(), o.batch(), o.channels(), o.layers(), r.medianMs(),
                    r.minMs(), o.steps());
            out.println("supports:     " + supportsName(o));
            out.printf(Locale.ROOT, "throughput:   %.1f images/s (both batches)%n", r.imagesPerSecond());
            out.printf(Locale.ROOT, "peak RSS:     %.1f MB%n", r.peakRssMb());
            if (!r.rssMb().isEmpty()) {
                out.println("RSS (MB):     " + r.rssMb());
            }
        }
    }

    /** {@code StepBenchmark [--mode sparse|dense] [--batch 64] [--channels 16] [--layers 8] [--steps 5] [--json]}. */
    public static void main(String[] args) {
        Options d = Options.defaults();
        String mode = d.mode();
        int batch = d.batch();
        int channels = d.channels();
        int layers = d.layers();
        int steps = d.steps();
        int warmup = d.warmup();
        long seed = d.seed();
        boolean json = false;
        int rssEvery = 0;
        String supportGenotype = null;
        String supportsFile = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--json" -> json = true;
                case "--mode" -> mode = value(args, ++i, a);
                case "--batch" -> batch = Integer.parseInt(value(args, ++i, a));
                case "--channels" -> channels = Integer.parseInt(value(args, ++i, a));
                case "--layers" -> layers = Integer.parseInt(value(args, ++i, a));
                case "--steps" -> steps = Integer.parseInt(value(args, ++i, a));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, a));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                case "--rss-every" -> rssEvery = Integer.parseInt(value(args, ++i, a));
                case "--support-genotype" -> supportGenotype = value(args, ++i, a);
                case "--supports" -> supportsFile = value(args, ++i, a);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        print(run(new Options(mode, batch, channels, layers, steps, warmup, seed, json, rssEvery,
                supports(supportGenotype, supportsFile))), System.out);
    }

    /**
     * Fixed supports from {@code --support-genotype NAME|FILE} or {@code --supports FILE} (at most one), or null
     * for random ones.
     */
    public static BenchSupports supports(String genotype, String file) {
        if (genotype != null && file != null) {
            throw new IllegalArgumentException("give --support-genotype or --supports, not both");
        }
        if (genotype != null) {
            return BenchSupports.fromGenotype(genotype, Genotypes.resolve(genotype), OpsPlugin.paperOperations(),
                    NODES);
        }
        return file == null ? null : BenchSupports.fromFile(Path.of(file), OpsPlugin.paperOperations().size(), NODES);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
