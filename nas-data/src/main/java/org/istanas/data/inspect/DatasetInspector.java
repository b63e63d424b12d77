package org.istanas.data.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.data.ImageShape;
import org.istanas.api.data.ImageSplit;

/**
 * Measures a dataset: image counts, images per class and per-channel mean/std of pixel values in [0,1], computed
 * from the data (not the provider's published constants). Work is split into fixed chunks summed in a fixed order,
 * so the result does not depend on the number of threads.
 */
public final class DatasetInspector {
    private static final int CHUNK = 256;

    private final int threads;

    /** An inspector using {@code threads} threads (at least 1). */
    public DatasetInspector(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    /** An inspector using every available processor. */
    public static DatasetInspector withAvailableProcessors() {
        return new DatasetInspector(Runtime.getRuntime().availableProcessors());
    }

    public DatasetReport inspect(ImageDataset dataset) {
        Objects.requireNonNull(dataset, "dataset is null");
        ImageShape shape = dataset.shape();
        SplitStatistics train = measure(dataset.train(), shape, dataset.numClasses());
        SplitStatistics test = measure(dataset.test(), shape, dataset.numClasses());
        return new DatasetReport(dataset.name(), dataset.classNames(),
                new int[] {shape.channels(), shape.height(), shape.width()}, dataset.checksum(), train, test);
    }

    /** Statistics of one split whose images have the given shape. */
    public SplitStatistics measure(ImageSplit split, ImageShape shape, int classes) {
        int n = split.size();
        int channels = shape.channels();
        List<double[]> partials = new ArrayList<>();
        if (threads == 1 || n <= CHUNK) {
            for (int from = 0; from < n; from += CHUNK) {
                partials.add(sums(split, shape, classes, from, Math.min(n, from + CHUNK)));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "istanas-inspect");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<double[]>> futures = new ArrayList<>();
                for (int from = 0; from < n; from += CHUNK) {
                    int lo = from;
                    int hi = Math.min(n, from + CHUNK);
                    futures.add(pool.submit(() -> sums(split, shape, classes, lo, hi)));
                }
                for (Future<double[]> f : futures) {
                    partials.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while inspecting", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("inspecting failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        double[] total = new double[2 * channels + classes];
        for (double[] p : partials) {
            for (int i = 0; i < total.length; i++) {
                total[i] += p[i];
            }
        }
        double pixels = (double) n * shape.height() * shape.width();
        double[] mean = new double[channels];
        double[] std = new double[channels];
        for (int c = 0; c < channels && n > 0; c++) {
            mean[c] = total[c] / pixels;
            std[c] = Math.sqrt(Math.max(total[channels + c] / pixels - mean[c] * mean[c], 0));
        }
        int[] perClass = new int[classes];
        for (int k = 0; k < classes; k++) {
            perClass[k] = (int) total[2 * channels + k];
        }
        return new SplitStatistics(n, perClass, mean, std);
    }

    /** {sum per channel, sum of squares per channel, count per class} over images [from, to). */
    private static double[] sums(ImageSplit split, ImageShape shape, int classes, int from, int to) {
        int channels = shape.channels();
        int plane = shape.height() * shape.width();
        double[] out = new double[2 * channels + classes];
        float[] image = new float[shape.size()];
        for (int i = from; i < to; i++) {
            int label = split.label(i);
            if (label < 0 || label >= classes) {
                throw new IllegalStateException("image " + i + " has label " + label + ", outside [0, " + classes + ")");
            }
            out[2 * channels + label]++;
            split.readImage(i, image, 0);
            for (int c = 0; c < channels; c++) {
                double s = 0;
                double q = 0;
                for (int p = c * plane; p < (c + 1) * plane; p++) {
                    double v = image[p];
                    s += v;
                    q += v * v;
                }
                out[c] += s;
                out[channels + c] += q;
            }
        }
        return out;
    }
}
