package org.istanas.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.junit.jupiter.api.Test;

final class SyntheticProviderTest {
    private static ImageDataset open(long seed, int limit, Map<String, String> options) {
        return new SyntheticProvider().open(new DatasetRequest(null, seed, limit, options));
    }

    @Test
    void defaultsAndBalancedLabelsWithoutFiles() {
        SyntheticProvider provider = new SyntheticProvider();
        assertThat(provider.needsDataDirectory()).isFalse();
        ImageDataset data = open(1, 0, Map.of());
        assertThat(data.train().size()).isEqualTo(5000);
        assertThat(data.test().size()).isEqualTo(1000);
        assertThat(data.shape().size()).isEqualTo(3 * 32 * 32);
        assertThat(data.classNames()).hasSize(10).doesNotHaveDuplicates();
        int[] counts = new int[10];
        for (int i = 0; i < data.train().size(); i++) {
            counts[data.train().label(i)]++;
        }
        assertThat(counts).containsOnly(500);
    }

    @Test
    void sameSeedSameImagesOtherSeedOrSplitOtherImages() {
        ImageDataset a = open(4, 0, Map.of("trainSize", "50", "testSize", "20"));
        ImageDataset b = open(4, 0, Map.of("trainSize", "50", "testSize", "20"));
        ImageDataset c = open(5, 0, Map.of("trainSize", "50", "testSize", "20"));
        float[] x = new float[3072];
        float[] y = new float[3072];
        a.train().readImage(17, x, 0);
        b.train().readImage(17, y, 0);
        assertThat(x).isEqualTo(y);
        assertThat(a.checksum()).isEqualTo(b.checksum());
        assertThat(c.checksum()).isNotEqualTo(a.checksum());
        c.train().readImage(17, y, 0);
        assertThat(y).isNotEqualTo(x);
        a.test().readImage(17, y, 0);
        assertThat(y).isNotEqualTo(x);
        for (float v : x) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void limitKeepsThePrefixAndStatisticsArePlausible() {
        ImageDataset full = open(2, 0, Map.of());
        ImageDataset limited = open(2, 30, Map.of());
        assertThat(limited.train().size()).isEqualTo(30);
        assertThat(limited.test().size()).isEqualTo(30);
        float[] x = new float[3072];
        float[] y = new float[3072];
        full.train().readImage(29, x, 0);
        limited.train().readImage(29, y, 0);
        assertThat(y).isEqualTo(x);
        for (int c = 0; c < 3; c++) {
            assertThat(full.mean()[c]).isBetween(0.2f, 0.6f);
            assertThat(full.std()[c]).isBetween(0.1f, 0.4f);
        }
    }

    @Test
    void noiseFreeImagesHaveTwoColoursAndOptionsAreValidated() {
        ImageDataset clean = open(3, 0, Map.of("noise", "0", "trainSize", "10"));
        float[] x = new float[3072];
        clean.train().readImage(5, x, 0);
        assertThat(java.util.stream.IntStream.range(0, 1024).mapToObj(i -> x[i]).distinct().count()).isEqualTo(2);
        assertThatThrownBy(() -> open(0, 0, Map.of("trainSize", "0"))).hasMessageContaining("trainSize");
        assertThatThrownBy(() -> open(0, 0, Map.of("size", "10"))).hasMessageContaining("unknown option 'size'")
                .hasMessageContaining("[noise, testSize, trainSize]");
    }
}
