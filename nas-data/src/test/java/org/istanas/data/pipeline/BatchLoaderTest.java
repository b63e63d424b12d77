package org.istanas.data.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.api.data.ImageSplit;
import org.istanas.data.common.ByteImageSplit;
import org.junit.jupiter.api.Test;

final class BatchLoaderTest {
    private static final ImageShape SHAPE = new ImageShape(3, 32, 32);
    private static final float[] MEAN = {0.5f, 0.5f, 0.5f};
    private static final float[] STD = {0.25f, 0.25f, 0.25f};

    /** Image i is filled with (i mod 251) / 255 and labelled i % 10: the image identifies its index. */
    private static ByteImageSplit split(int n) {
        byte[] pixels = new byte[n * SHAPE.size()];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(pixels, i * SHAPE.size(), (i + 1) * SHAPE.size(), (byte) (i % 251));
            labels[i] = (byte) (i % 10);
        }
        return new ByteImageSplit(pixels, labels, SHAPE);
    }

    private static List<Batch> all(BatchLoader.Builder builder) {
        List<Batch> batches = new ArrayList<>();
        try (BatchLoader loader = builder.build()) {
            loader.forEachRemaining(batches::add);
        }
        return batches;
    }

    private static void assertSame(List<Batch> a, List<Batch> b) {
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).labels()).as("batch %d labels", i).isEqualTo(b.get(i).labels());
            assertThat(a.get(i).images()).as("batch %d images", i).isEqualTo(b.get(i).images());
        }
    }

    @Test
    void visitsEveryIndexOnceNormalisedWithALastSmallerBatch() {
        ImageSplit split = split(103);
        BatchLoader.Builder builder = BatchLoader.over(split, MEAN, STD).batchSize(10).shuffle(true).seed(3);
        List<Batch> batches = all(builder);
        assertThat(batches).hasSize(11);
        assertThat(batches.get(10).size()).isEqualTo(3);
        Set<Integer> seen = new HashSet<>();
        for (Batch batch : batches) {
            for (int k = 0; k < batch.size(); k++) {
                float normalised = batch.images()[k * SHAPE.size()];
                int index = Math.round((normalised * 0.25f + 0.5f) * 255f);
                assertThat(batch.labels()[k]).isEqualTo(index % 10);
                seen.add(index);
            }
        }
        assertThat(seen).hasSize(103);
        try (BatchLoader loader = builder.build()) {
            assertThat(loader.batchesPerEpoch()).isEqualTo(11);
        }
        try (BatchLoader loader = builder.dropLast(true).build()) {
            assertThat(loader.batchesPerEpoch()).isEqualTo(10);
        }
    }

    @Test
    void sameSeedSameBatchesWhateverTheThreadsAndEpochsDiffer() {
        ImageSplit split = split(200);
        BatchLoader.Builder base = BatchLoader.over(split, MEAN, STD).batchSize(16).shuffle(true).seed(11).epoch(2)
                .augmentation(Augmentation.cifar(16));
        List<Batch> serial = all(base.workers(0));
        assertSame(all(base.workers(1).prefetch(1)), serial);
        assertSame(all(base.workers(4).prefetch(3)), serial);
        assertSame(all(base.workers(3).prefetch(7)), serial);

        List<Batch> nextEpoch = all(base.workers(0).epoch(3));
        assertThat(nextEpoch.get(0).labels()).isNotEqualTo(serial.get(0).labels());
        List<Batch> otherSeed = all(base.workers(0).epoch(2).seed(12));
        assertThat(otherSeed.get(0).images()).isNotEqualTo(serial.get(0).images());
    }

    @Test
    void startBatchGivesTheSameBatchesAsSkipping() {
        ImageSplit split = split(90);
        BatchLoader.Builder base = BatchLoader.over(split, MEAN, STD).batchSize(8).shuffle(true).seed(5).epoch(1)
                .augmentation(Augmentation.cifar(16)).workers(2);
        List<Batch> full = all(base);
        for (int k : new int[] {0, 1, 5, 11, 12}) {
            List<Batch> resumed = all(base.startBatch(k));
            assertSame(resumed, full.subList(k, full.size()));
        }
        try (BatchLoader loader = base.startBatch(3).build()) {
            assertThat(loader.nextBatchIndex()).isEqualTo(3);
            loader.next();
            assertThat(loader.nextBatchIndex()).isEqualTo(4);
        }
        assertThatThrownBy(() -> base.startBatch(13).build()).hasMessageContaining("startBatch must be in [0, 12]");
    }

    @Test
    void iteratesOnlyTheGivenIndicesInOrderWithoutShuffle() {
        ImageSplit split = split(50);
        int[] indices = {7, 3, 41, 9, 0};
        List<Batch> batches = all(BatchLoader.over(split, MEAN, STD).indices(indices).batchSize(2));
        assertThat(batches).hasSize(3);
        assertThat(batches.get(0).labels()).containsExactly(7, 3);
        assertThat(batches.get(1).labels()).containsExactly(1, 9);
        assertThat(batches.get(2).labels()).containsExactly(0);
        assertThatThrownBy(() -> BatchLoader.over(split, MEAN, STD).indices(new int[] {50}).build())
                .hasMessageContaining("indices[0] = 50");
    }

    @Test
    void trainValidHalvesAreDisjointSeededAndCoverTheSet() {
        TrainValidSplit split = TrainValidSplit.halves(11, 2);
        assertThat(split.train()).hasSize(5);
        assertThat(split.valid()).hasSize(6);
        int[] union = java.util.stream.IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.valid()))
                .sorted().toArray();
        assertThat(union).isEqualTo(java.util.stream.IntStream.range(0, 11).toArray());
        assertThat(TrainValidSplit.halves(11, 2)).isEqualTo(split);
        assertThat(TrainValidSplit.halves(11, 2).fingerprint()).isEqualTo(split.fingerprint());
        assertThat(TrainValidSplit.halves(11, 3)).isNotEqualTo(split);

        TrainValidSplit official = TrainValidSplit.halves(6, 2, false);
        assertThat(official.train()).containsExactly(0, 1, 2);
        assertThat(official.valid()).containsExactly(3, 4, 5);
    }

    @Test
    void closingStopsIterationAndSplitsWithoutShapeNeedOne() {
        ByteImageSplit shaped = split(40);
        BatchLoader loader = BatchLoader.over(shaped, MEAN, STD).batchSize(4).prefetch(3).workers(2).build();
        loader.next();
        loader.close();
        assertThat(loader.hasNext()).isFalse();
        assertThatThrownBy(loader::next).hasMessageContaining("closed");

        ImageSplit plain = new ImageSplit() {
            @Override
            public int size() {
                return shaped.size();
            }

            @Override
            public int label(int index) {
                return shaped.label(index);
            }

            @Override
            public void readImage(int index, float[] destination, int offset) {
                shaped.readImage(index, destination, offset);
            }
        };
        assertThatThrownBy(() -> BatchLoader.over(plain, MEAN, STD).build()).hasMessageContaining("shape(ImageShape)");
        List<Batch> batches = all(BatchLoader.over(plain, MEAN, STD).shape(SHAPE).batchSize(40));
        assertThat(batches.get(0).images()).isEqualTo(all(BatchLoader.over(shaped, MEAN, STD).batchSize(40)).get(0)
                .images());
        assertThatThrownBy(() -> BatchLoader.over(shaped, new float[] {0}, new float[] {1}).build())
                .hasMessageContaining("mean and std need 3 values");
    }
}
