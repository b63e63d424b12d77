package org.istanas.data.cifar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.istanas.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class Cifar10ProviderTest {
    private static final int RECORD = 3073;

    @TempDir
    Path dir;

    @Test
    void readsTheSharedMiniSetWithBalancedClassesAndCifarLikeMeans() throws IOException {
        Optional<Path> mini = SharedData.find("cifar10-mini");
        assumeThat(mini).as("../shared/data/cifar10-mini").isPresent();
        ImageDataset data = new Cifar10Provider().open(new DatasetRequest(mini.get(), 0, 0, Map.of()));

        assertThat(data.classNames()).containsExactly("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
                "horse", "ship", "truck");
        assertThat(data.train().size()).isEqualTo(2000);
        assertThat(data.test().size()).isEqualTo(1000);
        assertThat(histogram(data.train()::label, 2000)).containsOnly(200);
        assertThat(histogram(data.test()::label, 1000)).containsOnly(100);

        double[] mean = new double[3];
        float[] image = new float[3072];
        for (int i = 0; i < 2000; i++) {
            data.train().readImage(i, image, 0);
            for (int p = 0; p < 3072; p++) {
                mean[p / 1024] += image[p];
            }
        }
        double[] expected = {0.491, 0.482, 0.447}; // published CIFAR-10 training means
        for (int c = 0; c < 3; c++) {
            assertThat(mean[c] / (2000 * 1024.0)).as("channel %d", c).isCloseTo(expected[c],
                    org.assertj.core.data.Offset.offset(0.02));
        }
        // record k has label k % 10 (README of the mini set)
        assertThat(data.train().label(13)).isEqualTo(3);
        assertThat(data.checksum()).isEqualTo(sha256(mini.get().resolve("data_batch_1.bin"),
                mini.get().resolve("test_batch.bin")));
    }

    @Test
    void imageBytesBecomeChwFloats() throws IOException {
        byte[] train = records(2, 3);
        train[1] = (byte) 255; // R plane, pixel (0,0) of record 0
        train[1 + 1024 + 33] = (byte) 51; // G plane, pixel (1,1)
        write("data_batch_1.bin", train);
        write("test_batch.bin", records(1, 4));

        ImageDataset data = new Cifar10Provider().open(new DatasetRequest(dir, 0, 0, Map.of()));

        float[] image = new float[3072 + 5];
        data.train().readImage(0, image, 5);
        assertThat(image[5]).isEqualTo(1f);
        assertThat(image[5 + 1024 + 33]).isEqualTo(0.2f);
        assertThat(data.train().label(0)).isEqualTo(3);
        assertThat(data.test().label(0)).isEqualTo(4);
        assertThat(data.mean()).containsExactly(0.4914f, 0.4822f, 0.4465f);
    }

    @Test
    void acceptsAnySubsetOfTrainingBatchesInOrderAndAppliesTheLimit() throws IOException {
        write("data_batch_2.bin", records(3, 2));
        write("data_batch_5.bin", records(4, 5));
        write("test_batch.bin", records(5, 1));

        ImageDataset all = new Cifar10Provider().open(new DatasetRequest(dir, 0, 0, Map.of()));
        assertThat(all.train().size()).isEqualTo(7);
        assertThat(all.train().label(2)).isEqualTo(4);
        assertThat(all.train().label(3)).isEqualTo(5);

        ImageDataset limited = new Cifar10Provider().open(new DatasetRequest(dir, 0, 4, Map.of()));
        assertThat(limited.train().size()).isEqualTo(4);
        assertThat(limited.test().size()).isEqualTo(4);
        assertThat(limited.train().label(3)).isEqualTo(5);
    }

    @Test
    void findsTheOfficialNestedDirectoryAndReadsClassNames() throws IOException {
        Path nested = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        Files.write(nested.resolve("data_batch_1.bin"), records(1, 0));
        Files.write(nested.resolve("test_batch.bin"), records(1, 0));
        Files.writeString(nested.resolve("batches.meta.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");

        ImageDataset data = new Cifar10Provider().open(new DatasetRequest(dir, 0, 0, Map.of()));

        assertThat(data.classNames()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    }

    @Test
    void refusesTruncatedFileNamingFileAndRecord() throws IOException {
        write("data_batch_1.bin", Arrays.copyOf(records(3, 1), 3 * RECORD - 100));
        write("test_batch.bin", records(1, 1));

        assertThatThrownBy(() -> new Cifar10Provider().open(new DatasetRequest(dir, 0, 0, Map.of())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("data_batch_1.bin")
                .hasMessageContaining("record 2")
                .hasMessageContaining("not a multiple of the 3073-byte");
    }

    @Test
    void refusesLabelTenNamingFileAndRecord() throws IOException {
        byte[] test = records(4, 1);
        test[2 * RECORD] = 10;
        write("data_batch_1.bin", records(1, 1));
        write("test_batch.bin", test);

        assertThatThrownBy(() -> new Cifar10Provider().open(new DatasetRequest(dir, 0, 0, Map.of())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("test_batch.bin")
                .hasMessageContaining("record 2")
                .hasMessageContaining("label 10");
    }

    @Test
    void refusesWrongSizeAndEmptyFiles() throws IOException {
        write("data_batch_1.bin", new byte[3072]); // one record short of its label byte: not a CIFAR-10 batch
        write("test_batch.bin", records(1, 1));
        assertThatThrownBy(() -> new Cifar10Provider().open(new DatasetRequest(dir, 0, 0, Map.of())))
                .hasMessageContaining("data_batch_1.bin").hasMessageContaining("size 3072 bytes")
                .hasMessageContaining("record 0");

        write("data_batch_1.bin", new byte[0]);
        assertThatThrownBy(() -> new Cifar10Provider().open(new DatasetRequest(dir, 0, 0, Map.of())))
                .hasMessageContaining("data_batch_1.bin").hasMessageContaining("empty");
    }

    @Test
    void saysWhatIsMissing() throws IOException {
        write("data_batch_1.bin", records(1, 1));
        assertThatThrownBy(() -> new Cifar10Provider().open(new DatasetRequest(dir, 0, 0, Map.of())))
                .hasMessageContaining("missing test_batch.bin");

        Files.delete(dir.resolve("data_batch_1.bin"));
        write("test_batch.bin", records(1, 1));
        assertThatThrownBy(() -> new Cifar10Provider().open(new DatasetRequest(dir, 0, 0, Map.of())))
                .hasMessageContaining("at least one of data_batch_1.bin .. data_batch_5.bin");

        assertThatThrownBy(() -> new Cifar10Provider().open(new DatasetRequest(null, 0, 0, Map.of())))
                .hasMessageContaining("needs a data directory");
        assertThatThrownBy(() -> new Cifar10Provider().open(new DatasetRequest(dir, 0, 0, Map.of("x", "1"))))
                .hasMessageContaining("unknown option 'x'");
    }

    @Test
    void refusesBadClassNameFile() throws IOException {
        write("data_batch_1.bin", records(1, 1));
        write("test_batch.bin", records(1, 1));
        Files.writeString(dir.resolve("batches.meta.txt"), "a\nb\n");

        assertThatThrownBy(() -> new Cifar10Provider().open(new DatasetRequest(dir, 0, 0, Map.of())))
                .hasMessageContaining("batches.meta.txt").hasMessageContaining("expected 10 class names");
    }

    /** {@code n} records with labels first, first+1, ... (mod 10) and pixel bytes derived from the record number. */
    private static byte[] records(int n, int first) {
        byte[] bytes = new byte[n * RECORD];
        for (int r = 0; r < n; r++) {
            bytes[r * RECORD] = (byte) ((first + r) % 10);
            for (int p = 1; p < RECORD; p++) {
                bytes[r * RECORD + p] = (byte) (r * 7 + p % 13);
            }
        }
        return bytes;
    }

    private void write(String name, byte[] content) throws IOException {
        Files.write(dir.resolve(name), content);
    }

    private static int[] histogram(java.util.function.IntUnaryOperator labels, int n) {
        int[] counts = new int[10];
        for (int i = 0; i < n; i++) {
            counts[labels.applyAsInt(i)]++;
        }
        return counts;
    }

    private static String sha256(Path... files) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path f : List.of(files)) {
                digest.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
