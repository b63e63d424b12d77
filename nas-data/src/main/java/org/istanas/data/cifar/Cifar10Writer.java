package org.istanas.data.cifar;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.data.ImageShape;
import org.istanas.api.data.ImageSplit;
import org.istanas.data.synthetic.SyntheticProvider;

/**
 * Writes a dataset in the official CIFAR-10 binary layout ({@code data_batch_1.bin}, {@code test_batch.bin},
 * {@code batches.meta.txt}), so that any 10-class 3x32x32 dataset can stand in for CIFAR-10 where a directory of
 * real files is expected: the tests of every module (a fresh clone has no CIFAR-10) and plugin authors' own tests.
 * Pixels in [0,1] are rounded to bytes, the inverse of {@link Cifar10Provider}'s {@code byte / 255}.
 */
public final class Cifar10Writer {
    private static final ImageShape CIFAR_SHAPE = new ImageShape(Cifar10BinaryFile.CHANNELS, Cifar10BinaryFile.SIDE,
            Cifar10BinaryFile.SIDE);

    private Cifar10Writer() {
    }

    /** Writes {@code dataset}'s splits into {@code dir} (created if needed) and returns {@code dir}. */
    public static Path write(Path dir, ImageDataset dataset) throws IOException {
        Objects.requireNonNull(dir, "dir is null");
        Objects.requireNonNull(dataset, "dataset is null");
        if (!dataset.shape().equals(CIFAR_SHAPE) || dataset.numClasses() != Cifar10BinaryFile.CLASSES) {
            throw new IllegalArgumentException("CIFAR-10 holds 10 classes of 3x32x32 images; dataset '"
                    + dataset.name() + "' has " + dataset.numClasses() + " classes of " + dataset.shape());
        }
        Files.createDirectories(dir);
        writeSplit(dir.resolve("data_batch_1.bin"), dataset.train());
        writeSplit(dir.resolve(Cifar10Provider.TEST_FILE), dataset.test());
        Files.writeString(dir.resolve(Cifar10Provider.META_FILE),
                String.join("\n", dataset.classNames()) + "\n", StandardCharsets.UTF_8);
        return dir;
    }

    /**
     * A small learnable stand-in for CIFAR-10: the seeded {@code synthetic} dataset's first {@code trainImages} and
     * {@code testImages} images written as CIFAR-10 binary batches into {@code dir}.
     */
    public static Path writeSynthetic(Path dir, int trainImages, int testImages, long seed) throws IOException {
        ImageDataset synthetic = new SyntheticProvider().open(new DatasetRequest(null, seed, 0, Map.of(
                SyntheticProvider.TRAIN_SIZE, Integer.toString(trainImages),
                SyntheticProvider.TEST_SIZE, Integer.toString(testImages))));
        return write(dir, synthetic);
    }

    private static void writeSplit(Path file, ImageSplit split) throws IOException {
        float[] image = new float[Cifar10BinaryFile.PIXELS];
        byte[] record = new byte[Cifar10BinaryFile.RECORD];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < split.size(); i++) {
                record[0] = (byte) split.label(i);
                split.readImage(i, image, 0);
                for (int p = 0; p < image.length; p++) {
                    record[1 + p] = (byte) Math.round(Math.min(1f, Math.max(0f, image[p])) * 255f);
                }
                out.write(record);
            }
        }
    }
}
