package org.istanas.search.twostage;

import java.util.Objects;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.run.Seeds;
import org.istanas.data.pipeline.Augmentation;
import org.istanas.data.pipeline.BatchLoader;
import org.istanas.search.toolkit.training.BatchStream;
import org.istanas.search.toolkit.training.Check;
import org.istanas.search.toolkit.training.IndexSplit;

/**
 * The data of a bi-level search: the training split cut into a weight half and an architecture (validation) half,
 * endless batch streams over each, and a pass over the validation half for super-net accuracy. Batch order and
 * augmentation are pure functions of (seed, pass, position), so resumed runs see the same batches.
 */
final class SuperNetData implements AutoCloseable {
    private final ImageDataset dataset;
    private final SuperNetSettings settings;
    private final IndexSplit split;
    private final long seed;
    private final BatchStream train;
    private final BatchStream valid;

    SuperNetData(ImageDataset dataset, SuperNetSettings settings, long seed) {
        this.dataset = Objects.requireNonNull(dataset, "dataset is null");
        this.settings = settings;
        this.seed = seed;
        this.split = IndexSplit.of(dataset.train().size(), settings.trainImages(), settings.trainPortion(),
                settings.shuffleSplit(), Seeds.derive(seed, "split"));
        String used = settings.trainImages() == 0 ? "all " + dataset.train().size() : "trainImages "
                + settings.trainImages();
        Check.batchFits(settings.batchSize(), split.train().length, "weight-training part of the split (" + used
                + " x trainPortion " + settings.trainPortion() + ")");
        Check.batchFits(settings.batchSize(), split.valid().length, "architecture (validation) part of the split ("
                + used + " x (1 - trainPortion " + settings.trainPortion() + "))");
        this.train = new BatchStream((pass, start) -> loader(split.train(), Seeds.derive(seed, "train-order"), pass,
                start, true), batches(split.train().length));
        this.valid = new BatchStream((pass, start) -> loader(split.valid(), Seeds.derive(seed, "valid-order"), pass,
                start, true), batches(split.valid().length));
    }

    IndexSplit split() {
        return split;
    }

    int stepsPerEpoch() {
        return train.batchesPerPass();
    }

    /** Positions both streams at batch {@code step} of epoch {@code epoch}. */
    void seek(int epoch, int step) {
        long position = (long) epoch * stepsPerEpoch() + step;
        train.seek(position);
        valid.seek(position);
    }

    BatchStream train() {
        return train;
    }

    BatchStream valid() {
        return valid;
    }

    /** One unshuffled pass over the validation half (with the search augmentation, as the official code). */
    BatchLoader validationPass(int epoch) {
        return loader(split.valid(), Seeds.derive(seed, "valid-eval"), epoch, 0, false);
    }

    /** One unshuffled, unaugmented pass over the validation half, for scoring architectures. */
    BatchLoader scoringPass() {
        return BatchLoader.over(dataset.train(), dataset.mean(), dataset.std())
                .indices(split.valid())
                .batchSize(settings.batchSize())
                .shuffle(false)
                .seed(Seeds.derive(seed, "valid-score"))
                .epoch(0)
                .startBatch(0)
                .dropLast(false)
                .augmentation(Augmentation.forEvaluation(dataset))
                .workers(settings.loaderWorkers())
                .build();
    }

    private int batches(int images) {
        return (images + settings.batchSize() - 1) / settings.batchSize();
    }

    private BatchLoader loader(int[] indices, long streamSeed, int pass, int start, boolean shuffle) {
        return BatchLoader.over(dataset.train(), dataset.mean(), dataset.std())
                .indices(indices)
                .batchSize(settings.batchSize())
                .shuffle(shuffle)
                .seed(streamSeed)
                .epoch(pass)
                .startBatch(start)
                .dropLast(false)
                .augmentation(settings.augment() ? Augmentation.forTraining(dataset, 0) : Augmentation.forEvaluation(dataset))
                .workers(settings.loaderWorkers())
                .build();
    }

    @Override
    public void close() {
        train.close();
        valid.close();
    }
}
