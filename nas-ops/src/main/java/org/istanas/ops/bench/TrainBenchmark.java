package org.istanas.ops.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.Genotypes;
import org.istanas.api.op.CandidateOperation;
import org.istanas.ops.OpsPlugin;
import org.istanas.ops.engine.Nd4jEngine;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.Optimizer;
import org.istanas.api.network.TargetNetwork;
import org.istanas.api.network.TargetNetworkSpec;

/**
 * Times one retraining step of a genotype's target network on random data (the step of
 * {@code shared/bench/torch_train_reference.py --time-steps N}): forward with drop-path, main and auxiliary loss,
 * backward, gradient clipping to norm 5 and an SGD step.
 *
 * <p>With {@code epochs > 0} it also replays the memory pattern of {@code istanas evaluate}: each epoch runs the
 * timed steps, one smaller last training batch (drop_last = false), then {@code testBatches} evaluation batches and
 * a smaller last one, and records the RSS after every epoch, so growth across epochs shows.
 */
public final class TrainBenchmark {
    /** Benchmark settings. */
    public record Options(String genotype, int layers, int channels, int batch, double auxWeight, double dropPath,
                          int steps, int warmup, int epochs, int testBatches, long seed, boolean json) {
        public Options {
            if (batch < 2 || channels < 1 || layers < 3 || steps < 1 || warmup < 0 || epochs < 0 || testBatches < 0) {
                throw new IllegalArgumentException("need --batch >= 2, --channels >= 1, --layers >= 3, --steps >= 1,"
                        + " --warmup >= 0, --epochs >= 0, --test-batches >= 0");
            }
            if (!(dropPath >= 0 && dropPath < 1)) {
                throw new IllegalArgumentException("--drop-path must be in [0, 1), got " + dropPath);
            }
            if (!(auxWeight >= 0)) {
                throw new IllegalArgumentException("--aux-weight must be >= 0, got " + auxWeight);
            }
        }
    }

    /** Outcome: step times, peak RSS (VmHWM) and RSS after each epoch (empty without epochs). */
    public record Result(Options options, double medianMs, double minMs, double imagesPerSecond, double peakRssMb,
                         List<Double> epochRssMb, long parameters, String backend, double lastLoss) {
    }

    private TrainBenchmark() {
    }

    public static Result run(Options o) {
        return run(o, org.istanas.ops.engine.Precision.FLOAT32);
    }

    /** As {@link #run(Options)} in the given precision (float64 for numbers that hold across CPUs). */
    public static Result run(Options o, org.istanas.ops.engine.Precision precision) {
        Genotype genotype = Genotypes.resolve(o.genotype());
        NetworkEngine engine = new Nd4jEngine(precision);
        ImageShape shape = new ImageShape(3, 32, 32);
        TargetNetworkSpec spec = new TargetNetworkSpec(genotype, TargetNetworkSpec.Layout.CIFAR, shape, 10,
                o.channels(), o.layers(), o.auxWeight(), false, operations(), o.seed());
        Random random = new Random(o.seed());
        try (TargetNetwork net = engine.targetNetwork(spec)) {
            net.setDropPathProbability(o.dropPath());
            Optimizer sgd = engine.sgd(net.weights(), 0.025, 0.9, 3e-4);
            Batch train = randomBatch(random, o.batch(), shape);
            int remainder = Math.max(2, o.batch() / 4); // BN of the auxiliary head needs 2 samples
            Batch lastTrain = randomBatch(random, remainder, shape);
            Batch test = randomBatch(random, o.batch(), shape);
            Batch lastTest = randomBatch(random, Math.max(2, o.batch() / 3), shape);
            List<Double> times = new ArrayList<>();
            List<Double> epochRss = new ArrayList<>();
            double[] loss = {Double.NaN};
            for (int it = 0; it < o.warmup(); it++) {
                step(engine, net, sgd, train, loss);
            }
            int rounds = Math.max(1, o.epochs());
            for (int epoch = 0; epoch < rounds; epoch++) {
                for (int it = 0; it < o.steps(); it++) {
                    long t0 = System.nanoTime();
                    step(engine, net, sgd, train, loss);
                    times.add((System.nanoTime() - t0) / 1e6);
                }
                if (o.epochs() > 0) {
                    step(engine, net, sgd, lastTrain, loss);
                    for (int b = 0; b < o.testBatches(); b++) {
                        net.evaluate(test);
                    }
                    net.evaluate(lastTest);
                    epochRss.add(StepBenchmark.memoryMb("VmRSS"));
                }
            }
            double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            return new Result(o, median, sorted[0], o.batch() / (median / 1000), StepBenchmark.memoryMb("VmHWM"),
                    epochRss, net.parameterCount(), engine.describe(), loss[0]);
        }
    }

    private static Map<String, CandidateOperation> operations() {
        Map<String, CandidateOperation> ops = new LinkedHashMap<>();
        OpsPlugin.paperOperations().forEach(op -> ops.put(op.name(), op));
        return ops;
    }

    private static void step(NetworkEngine engine, TargetNetwork net, Optimizer sgd, Batch batch, double[] loss) {
        loss[0] = net.trainStep(batch).loss();
        if (!Double.isFinite(loss[0])) {
            throw new IllegalStateException("non-finite training loss: " + loss[0]);
        }
        engine.clipGradientNorm(5.0, net.weights());
        sgd.step();
    }

    private static Batch randomBatch(Random random, int size, ImageShape shape) {
        float[] images = new float[size * shape.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = random.nextInt(10);
        }
        return new Batch(images, labels, size, shape);
    }

    public static void print(Result r, PrintStream out) {
        Options o = r.options();
        StringBuilder rss = new StringBuilder("[");
        for (int i = 0; i < r.epochRssMb().size(); i++) {
            rss.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", r.epochRssMb().get(i)));
        }
        rss.append(']');
        if (o.json()) {
            out.println(String.format(Locale.ROOT,
                    "{\"impl\": \"istanas-nd4j\", \"bench\": \"train\", \"backend\": \"%s\", \"genotype\": \"%s\", "
                            + "\"layers\": %d, \"channels\": %d, \"batch\": %d, \"aux_weight\": %s, "
                            + "\"drop_path\": %s, \"params\": %d, \"steps\": %d, \"ms_per_step_median\": %.1f, "
                            + "\"ms_per_step_min\": %.1f, \"images_per_s\": %.1f, \"peak_rss_mb\": %.1f, "
                            + "\"epoch_rss_mb\": %s, \"last_loss\": %.17g}",
                    r.backend().replace("\"", "'"), o.genotype(), o.layers(), o.channels(), o.batch(), o.auxWeight(),
                    o.dropPath(), r.parameters(), r.epochRssMb().isEmpty() ? o.steps() : o.steps() * o.epochs(),
                    r.medianMs(), r.minMs(), r.imagesPerSecond(), r.peakRssMb(), rss, r.lastLoss()));
        } else {
            out.println("backend:      " + r.backend());
            out.printf(Locale.ROOT, "train step (%s, %d cells x %d channels, batch %d, aux %s, drop-path %s, %d"
                            + " parameters): median %.1f ms, min %.1f ms%n", o.genotype(), o.layers(), o.channels(),
                    o.batch(), o.auxWeight(), o.dropPath(), r.parameters(), r.medianMs(), r.minMs());
            out.printf(Locale.ROOT, "throughput:   %.1f images/s%n", r.imagesPerSecond());
            out.printf(Locale.ROOT, "peak RSS:     %.1f MB%n", r.peakRssMb());
            if (!r.epochRssMb().isEmpty()) {
                out.println("RSS after each epoch (MB): " + rss);
            }
        }
    }

    /** {@code TrainBenchmark [--genotype DARTS_V2] [--layers 20] [--channels 36] [--batch 96] ...} (as the CLI). */
    public static void main(String[] args) {
        Map<String, String> v = new LinkedHashMap<>(Map.of("--genotype", "DARTS_V2", "--layers", "20", "--channels",
                "36", "--batch", "96", "--aux-weight", "0.4", "--drop-path", "0.2", "--steps", "5", "--warmup", "1",
                "--epochs", "0", "--test-batches", "4"));
        v.put("--seed", "0");
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--json")) {
                json = true;
            } else if (v.containsKey(args[i]) && i + 1 < args.length) {
                v.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
        }
        print(run(new Options(v.get("--genotype"), Integer.parseInt(v.get("--layers")),
                Integer.parseInt(v.get("--channels")), Integer.parseInt(v.get("--batch")),
                Double.parseDouble(v.get("--aux-weight")), Double.parseDouble(v.get("--drop-path")),
                Integer.parseInt(v.get("--steps")), Integer.parseInt(v.get("--warmup")),
                Integer.parseInt(v.get("--epochs")), Integer.parseInt(v.get("--test-batches")),
                Long.parseLong(v.get("--seed")), json)), System.out);
    }
}
