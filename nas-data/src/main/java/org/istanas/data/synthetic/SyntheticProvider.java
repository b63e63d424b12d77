package org.istanas.data.synthetic;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Set;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.data.ImageShape;
import org.istanas.data.common.InMemoryDataset;
import org.istanas.data.common.ProviderOptions;
import org.istanas.data.common.Sha256;

/**
 * {@code synthetic}: 10 classes of 3x32x32 images generated from the request's seed, no files needed; the embedded
 * default for demos and fast tests. Options: {@code trainSize} (default 5000), {@code testSize} (default 1000),
 * {@code noise} (default 0.08). Normalisation statistics are measured on the first training images.
 */
public final class SyntheticProvider implements DatasetProvider {
    public static final String NAME = "synthetic";
    public static final String TRAIN_SIZE = "trainSize";
    public static final String TEST_SIZE = "testSize";
    public static final String NOISE = "noise";
    static final int TRAIN_TAG = 1;
    static final int TEST_TAG = 2;
    /** Bump when the generator changes, so that checksums of old runs no longer match. */
    private static final String GENERATOR_VERSION = "synthetic-v1";
    private static final int STATISTICS_SAMPLE = 1000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Synthetic seeded shapes and textures, 10 classes of 3x32x32 images, no files needed (default 5000/1000)";
    }

    @Override
    public boolean needsDataDirectory() {
        return false;
    }

    @Override
    public ImageDataset open(DatasetRequest request) {
        Objects.requireNonNull(request, "request is null");
        ProviderOptions options = ProviderOptions.of(NAME, request.options(), Set.of(TRAIN_SIZE, TEST_SIZE, NOISE));
        int trainSize = options.intValue(TRAIN_SIZE, 5000, 1, 10_000_000);
        int testSize = options.intValue(TEST_SIZE, 1000, 1, 10_000_000);
        double noise = options.doubleValue(NOISE, 0.08, 0, 1);
        if (request.limit() > 0) {
            trainSize = Math.min(trainSize, request.limit());
            testSize = Math.min(testSize, request.limit());
        }
        SyntheticImages images = new SyntheticImages(request.seed(), noise);
        SyntheticSplit train = new SyntheticSplit(images, TRAIN_TAG, trainSize);
        SyntheticSplit test = new SyntheticSplit(images, TEST_TAG, testSize);
        float[] mean = new float[SyntheticImages.CHANNELS];
        float[] std = new float[SyntheticImages.CHANNELS];
        String checksum = measure(images, request.seed(), noise, trainSize, testSize, mean, std);
        return new InMemoryDataset(NAME, new ImageShape(SyntheticImages.CHANNELS, SyntheticImages.SIDE,
                SyntheticImages.SIDE), SyntheticImages.CLASS_NAMES, train, test, mean, std, checksum);
    }

    /**
     * Measures channel mean/std over a sample of training images (all sizes share the same images) and returns a
     * checksum over the generator version, parameters and the sampled pixels.
     */
    private static String measure(SyntheticImages images, long seed, double noise, int trainSize, int testSize,
                                  float[] mean, float[] std) {
        int plane = SyntheticImages.SIDE * SyntheticImages.SIDE;
        double[] sum = new double[SyntheticImages.CHANNELS];
        double[] squares = new double[SyntheticImages.CHANNELS];
        float[] image = new float[SyntheticImages.SIZE];
        MessageDigest digest = Sha256.newDigest();
        digest.update((GENERATOR_VERSION + " seed=" + seed + " noise=" + noise + " train=" + trainSize + " test="
                + testSize).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ByteBuffer bytes = ByteBuffer.allocate(SyntheticImages.SIZE * Float.BYTES);
        for (int i = 0; i < STATISTICS_SAMPLE; i++) {
            images.render(TRAIN_TAG, i, image, 0);
            for (int c = 0; c < SyntheticImages.CHANNELS; c++) {
                for (int p = 0; p < plane; p++) {
                    double v = image[c * plane + p];
                    sum[c] += v;
                    squares[c] += v * v;
                }
            }
            bytes.clear();
            bytes.asFloatBuffer().put(image);
            digest.update(bytes.array());
        }
        double n = (double) STATISTICS_SAMPLE * plane;
        for (int c = 0; c < SyntheticImages.CHANNELS; c++) {
            double m = sum[c] / n;
            mean[c] = (float) m;
            std[c] = (float) Math.sqrt(Math.max(squares[c] / n - m * m, 1e-12));
        }
        return Sha256.hex(digest);
    }
}
