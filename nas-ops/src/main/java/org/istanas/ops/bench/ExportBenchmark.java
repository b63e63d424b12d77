package org.istanas.ops.bench;

import java.io.File;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.ops.engine.Backend;
import org.istanas.ops.export.NetworkGraph;
import org.istanas.api.network.TargetNetwork;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inference time of an exported SameDiff file against the engine's own forward pass of the same network, on one
 * batch of seeded random images, the two alternated pass by pass (the machine is shared: medians of A/B pairs).
 */
public final class ExportBenchmark {
    /** Medians in milliseconds per image, the load time of the file, and the largest logit difference seen. */
    public record Result(int batch, int repeats, double engineMsPerImage, double exportedMsPerImage, double loadMs,
                         double maxAbsLogitDiff, String backend) {
    }

    private ExportBenchmark() {
    }

    public static Result run(TargetNetwork network, ImageShape shape, File model, int batch, int repeats, long seed) {
        if (batch < 1 || repeats < 1) {
            throw new IllegalArgumentException("batch and repeats must be >= 1, got " + batch + ", " + repeats);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] images = new float[batch * shape.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        Batch b = new Batch(images, new int[batch], batch, shape);
        INDArray x = Nd4j.create(images, new long[] {batch, shape.channels(), shape.height(), shape.width()}, 'c');
        long t0 = System.nanoTime();
        SameDiff sd = SameDiff.load(model, false);
        double loadMs = (System.nanoTime() - t0) / 1e6;
        // warm-up of both
        float[][] expected = network.logits(b);
        INDArray actual = sd.outputSingle(Map.of(NetworkGraph.INPUT, x), NetworkGraph.LOGITS).castTo(DataType.FLOAT);
        double diff = 0;
        for (int r = 0; r < batch; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                diff = Math.max(diff, Math.abs(expected[r][c] - actual.getDouble(r, c)));
            }
        }
        double[] engine = new double[repeats];
        double[] exported = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long a = System.nanoTime();
            network.logits(b);
            long m = System.nanoTime();
            sd.outputSingle(Map.of(NetworkGraph.INPUT, x), NetworkGraph.LOGITS);
            long e = System.nanoTime();
            engine[i] = (m - a) / 1e6 / batch;
            exported[i] = (e - m) / 1e6 / batch;
        }
        return new Result(batch, repeats, median(engine), median(exported), loadMs, diff, Backend.initialize());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    public static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "inference, batch %d, median of %d alternated passes (%s)%n", r.batch(), r.repeats(),
                r.backend());
        out.printf(Locale.ROOT, "  istanas engine:      %.3f ms per image%n", r.engineMsPerImage());
        out.printf(Locale.ROOT, "  exported SameDiff:   %.3f ms per image (file loaded in %.0f ms)%n",
                r.exportedMsPerImage(), r.loadMs());
        out.printf(Locale.ROOT, "  max |logit difference|: %.3g%n", r.maxAbsLogitDiff());
        out.printf(Locale.ROOT, "  load average: %s%n", loadAverage());
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
