package org.istanas.data.cifar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.istanas.data.synthetic.SyntheticProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class Cifar10ProviderTest {
    private static final int RECORD = 3073;

    @TempDir
    Path dir;

    @Test
    void writtenBatchesReadBackAsTheSourceImagesRoundedToBytes() throws IOException {
        ImageDataset source = new SyntheticProvider().open(new DatasetRequest(null, 3, 0,
                Map.of(SyntheticProvider.TRAIN_SIZE, "30", SyntheticProvider.TEST_SIZE, "20")));
        Cifar10Writer.write(dir, source);

        ImageDataset read = new Cifar10Provider().open(new DatasetRequest(dir, 0, 0, Map.of()));

        assertThat(Files.size(dir.resolve("data_batch_1.bin"))).isEqualTo(30L * RECORD);
        assertThat(Files.size(dir.resolve("test_batch.bin"))).isEqualTo(20L * RECORD);
        assertThat(read.classNames()).isEqualTo(source.classNames());
        assertThat(read.checksum()).isEqualTo(sha256(dir.resolve("data_batch_1.bin"), dir.resolve("test_batch.bin")));
        float[] expected = new float[3072];
        float[] actual = new float[3072];
        for (int i = 0; i < 30; i++) {
            assertThat(read.train().label(i)).isEqualTo(source.train().label(i));
            source.train().readImage(i, expected, 0);
            read.train().readImage(i, actual, 0);
            for (int p = 0; p < 3072; p++) {
                // a byte holds the value to within half a grey level
                assertThat(Math.abs(actual[p] - expected[p])).as("image %d pixel %d", i, p)
                        .isLessThanOrEqualTo(0.5f / 255 + 1e-6f);
            }
        }
        assertThat(read.test().label(19)).isEqualTo(source.test().label(19));
    }

    @Test
    void refusesADatasetThatIsNotTenClassesOfCifarSizedImages() {
        ImageDataset synthetic = new SyntheticProvider().open(new DatasetRequest(null, 3, 0,
                Map.of(SyntheticProvider.TRAIN_SIZE, "2", SyntheticProvider.TEST_SIZE, "2")));
        ImageDataset tooSmall = new org.istanas.data.common.InMemoryDataset("tiny",
                new org.istanas.api.data.ImageShape(1, 28, 28), source10(), synthetic.train(), synthetic.test(),
                new float[] {0.5f}, new float[] {0.25f}, "");
        assertThatThrownBy(() -> Cifar10Writer.write(dir, tooSmall))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dataset 'tiny' has 10 classes of");
    }

    private static List<String> source10() {
        return List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
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
