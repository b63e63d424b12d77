package org.istanas.data.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class IdxProviderTest {
    @TempDir
    Path dir;

    @Test
    void readsRawAndGzipFilesWithTheirPixelsAndLabels() throws IOException {
        writeSet("train", 5, 4, 3, true);
        writeSet("t10k", 2, 4, 3, false);

        ImageDataset data = IdxProvider.mnist().open(new DatasetRequest(dir, 0, 0, Map.of()));

        assertThat(data.shape().channels()).isEqualTo(1);
        assertThat(data.shape().height()).isEqualTo(4);
        assertThat(data.shape().width()).isEqualTo(3);
        assertThat(data.train().size()).isEqualTo(5);
        assertThat(data.test().size()).isEqualTo(2);
        assertThat(data.train().label(4)).isEqualTo(4 * 3 % 10);
        float[] image = new float[12];
        data.train().readImage(2, image, 0);
        for (int p = 0; p < 12; p++) {
            assertThat(image[p]).isEqualTo(pixel(2, p) / 255f);
        }
        assertThat(data.classNames()).hasSize(10);
        assertThat(data.mean()).containsExactly(0.1307f);

        ImageDataset limited = IdxProvider.mnist().open(new DatasetRequest(dir, 0, 3, Map.of()));
        assertThat(limited.train().size()).isEqualTo(3);
        assertThat(limited.test().size()).isEqualTo(2);
    }

    @Test
    void checksumDependsOnTheBytesOnDisk() throws IOException {
        writeSet("train", 5, 4, 3, true);
        writeSet("t10k", 2, 4, 3, false);
        String before = IdxProvider.mnist().open(new DatasetRequest(dir, 0, 0, Map.of())).checksum();
        assertThat(IdxProvider.mnist().open(new DatasetRequest(dir, 0, 0, Map.of())).checksum()).isEqualTo(before);

        writeSet("t10k", 3, 4, 3, false);
        assertThat(IdxProvider.mnist().open(new DatasetRequest(dir, 0, 0, Map.of())).checksum()).isNotEqualTo(before);
    }

    @Test
    void refusesBadMagicNamingTheFile() throws IOException {
        writeSet("train", 2, 4, 4, false);
        writeSet("t10k", 2, 4, 4, false);
        byte[] labels = Files.readAllBytes(dir.resolve("t10k-labels-idx1-ubyte"));
        labels[3] = 3; // claims 3 dimensions
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), labels);

        assertThatThrownBy(() -> IdxProvider.mnist().open(new DatasetRequest(dir, 0, 0, Map.of())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("t10k-labels-idx1-ubyte")
                .hasMessageContaining("bad IDX magic number 0x00000803")
                .hasMessageContaining("expected 0x00000801");
    }

    @Test
    void refusesTruncatedAndOversizedFilesNamingTheFile() throws IOException {
        writeSet("train", 3, 4, 4, false);
        writeSet("t10k", 2, 4, 4, false);
        Path images = dir.resolve("train-images-idx3-ubyte");
        byte[] full = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(full, full.length - 20));
        assertThatThrownBy(() -> IdxProvider.mnist().open(new DatasetRequest(dir, 0, 0, Map.of())))
                .hasMessageContaining("train-images-idx3-ubyte").hasMessageContaining("truncated")
                .hasMessageContaining("record 1 of 3");

        Files.write(images, Arrays.copyOf(full, full.length + 1));
        assertThatThrownBy(() -> IdxProvider.mnist().open(new DatasetRequest(dir, 0, 0, Map.of())))
                .hasMessageContaining("train-images-idx3-ubyte").hasMessageContaining("trailing bytes");
    }

    @Test
    void refusesMismatchedCountsAndBadLabels() throws IOException {
        writeSet("train", 3, 4, 4, false);
        writeSet("t10k", 2, 4, 4, false);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(new int[] {3}, new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> IdxProvider.mnist().open(new DatasetRequest(dir, 0, 0, Map.of())))
                .hasMessageContaining("t10k-images-idx3-ubyte holds 2 images")
                .hasMessageContaining("t10k-labels-idx1-ubyte holds 3 labels");

        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(new int[] {2}, new byte[] {1, 12}));
        assertThatThrownBy(() -> IdxProvider.mnist().open(new DatasetRequest(dir, 0, 0, Map.of())))
                .hasMessageContaining("t10k-labels-idx1-ubyte").hasMessageContaining("record 1 has label 12");
    }

    @Test
    void namesTheMissingFile() throws IOException {
        writeSet("train", 3, 4, 4, false);
        assertThatThrownBy(() -> IdxProvider.mnist().open(new DatasetRequest(dir, 0, 0, Map.of())))
                .hasMessageContaining("t10k-images-idx3-ubyte.gz");
        assertThatThrownBy(() -> IdxProvider.mnist().open(new DatasetRequest(null, 0, 0, Map.of())))
                .hasMessageContaining("needs a data directory");
    }

    @Test
    void readsFashionMnistFromTheDebianPackage() throws IOException {
        assumeThat(Files.isRegularFile(IdxProvider.DEBIAN_FASHION_MNIST.resolve("train-images-idx3-ubyte.gz")))
                .as("apt-get install dataset-fashion-mnist").isTrue();
        IdxProvider provider = IdxProvider.fashionMnist();
        assertThat(provider.needsDataDirectory()).isFalse();

        ImageDataset data = provider.open(new DatasetRequest(null, 0, 0, Map.of()));

        assertThat(data.train().size()).isEqualTo(60_000);
        assertThat(data.test().size()).isEqualTo(10_000);
        assertThat(data.shape().size()).isEqualTo(28 * 28);
        assertThat(data.classNames().get(9)).isEqualTo("Ankle boot");
        int[] perClass = new int[10];
        double sum = 0;
        float[] image = new float[784];
        for (int i = 0; i < data.test().size(); i++) {
            perClass[data.test().label(i)]++;
            data.test().readImage(i, image, 0);
            for (float v : image) {
                sum += v;
            }
        }
        assertThat(perClass).containsOnly(1000); // Fashion-MNIST's test set is balanced
        // published Fashion-MNIST pixel mean ~0.286
        assertThat(sum / (10_000 * 784.0)).isCloseTo(0.286, org.assertj.core.data.Offset.offset(0.01));
    }

    private static int pixel(int image, int p) {
        return (image * 31 + p * 17) % 256;
    }

    private void writeSet(String prefix, int n, int rows, int cols, boolean gzip) throws IOException {
        byte[] pixels = new byte[n * rows * cols];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i * 3 % 10);
            for (int p = 0; p < rows * cols; p++) {
                pixels[i * rows * cols + p] = (byte) pixel(i, p);
            }
        }
        String suffix = gzip ? ".gz" : "";
        for (String old : new String[] {"-images-idx3-ubyte", "-labels-idx1-ubyte"}) {
            Files.deleteIfExists(dir.resolve(prefix + old));
            Files.deleteIfExists(dir.resolve(prefix + old + ".gz"));
        }
        write(dir.resolve(prefix + "-images-idx3-ubyte" + suffix), idx(new int[] {n, rows, cols}, pixels), gzip);
        write(dir.resolve(prefix + "-labels-idx1-ubyte" + suffix), idx(new int[] {n}, labels), gzip);
    }

    private static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        buffer.putInt(0x0800 | dims.length);
        for (int d : dims) {
            buffer.putInt(d);
        }
        buffer.put(data);
        return buffer.array();
    }

    private static void write(Path file, byte[] content, boolean gzip) throws IOException {
        if (!gzip) {
            Files.write(file, content);
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        Files.write(file, bytes.toByteArray());
    }
}
