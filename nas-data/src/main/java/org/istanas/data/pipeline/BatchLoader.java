package org.istanas.data.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.api.data.ImageSplit;
import org.istanas.api.run.Seeds;
import org.istanas.data.common.ShapedImageSplit;

/**
 * The mini-batches of one epoch over (a subset of) a split, normalised and augmented, prepared ahead of time by
 * worker threads.
 *
 * <p>Determinism: the order of epoch {@code e} is a seeded shuffle that depends only on (seed, e), and the
 * augmentation of the image at position {@code p} of that order uses a generator seeded by (seed, e, p). Batches are
 * therefore identical whatever the number of workers, the prefetch depth or {@code startBatch}: starting at batch k
 * yields exactly the batches k, k+1, ... of an uninterrupted epoch (resume mid-epoch).
 *
 * <p>Threads: each batch is cut into chunks that the workers fill in parallel; at most {@code prefetch} batches are
 * in flight. With {@code workers(0)} batches are built on the caller's thread. The workers stop after the last
 * batch or on {@link #close()}.
 */
public final class BatchLoader implements Iterator<Batch>, AutoCloseable {
    private static final long ORDER_TAG = 0x4F52_4445_52L; // "ORDER"
    private static final long AUGMENT_TAG = 0x4155_474DL; // "AUGM"
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final ImageSplit split;
    private final ImageShape inShape;
    private final ImageShape outShape;
    private final float[] mean;
    private final float[] std;
    private final Augmentation augmentation;
    private final int[] order;
    private final int batchSize;
    private final int batches;
    private final long seed;
    private final int epoch;
    private final int prefetch;
    private final int chunks;
    private final ExecutorService executor;
    private final Deque<CompletableFuture<Batch>> pending = new ArrayDeque<>();
    private int nextToSubmit;
    private int nextToReturn;
    private boolean closed;

    private BatchLoader(Builder b, ImageShape inShape, int[] indices) {
        this.split = b.split;
        this.inShape = inShape;
        this.outShape = b.augmentation.outputShape(inShape);
        this.mean = b.mean.clone();
        this.std = b.std.clone();
        this.augmentation = b.augmentation;
        this.batchSize = b.batchSize;
        this.seed = b.seed;
        this.epoch = b.epoch;
        this.order = b.shuffle ? shuffled(indices, Seeds.mix(b.seed, ORDER_TAG, b.epoch)) : indices;
        this.batches = b.dropLast ? order.length / batchSize : (order.length + batchSize - 1) / batchSize;
        if (b.startBatch < 0 || b.startBatch > batches) {
            throw new IllegalArgumentException("startBatch must be in [0, " + batches + "] (batches per epoch), got "
                    + b.startBatch);
        }
        this.nextToSubmit = b.startBatch;
        this.nextToReturn = b.startBatch;
        this.prefetch = b.prefetch;
        this.chunks = Math.max(1, b.workers);
        this.executor = b.workers == 0 || nextToReturn == batches ? null
                : Executors.newFixedThreadPool(b.workers, daemonThreads());
    }

    /** Starts building a loader over {@code split}, normalising with {@code mean} and {@code std} (one per channel). */
    public static Builder over(ImageSplit split, float[] mean, float[] std) {
        return new Builder(split, mean, std);
    }

    /** Number of batches in a whole epoch (independent of {@code startBatch}). */
    public int batchesPerEpoch() {
        return batches;
    }

    /** Index within the epoch of the batch that {@link #next()} returns next (for checkpoints). */
    public int nextBatchIndex() {
        return nextToReturn;
    }

    /** Shape of the images in the batches (after augmentation). */
    public ImageShape shape() {
        return outShape;
    }

    /** Number of images per epoch (after {@code dropLast}). */
    public int imagesPerEpoch() {
        return Math.min(order.length, batches * batchSize);
    }

    @Override
    public boolean hasNext() {
        return !closed && nextToReturn < batches;
    }

    @Override
    public Batch next() {
        if (closed) {
            throw new IllegalStateException("batch loader is closed");
        }
        if (nextToReturn >= batches) {
            throw new NoSuchElementException("all " + batches + " batches of epoch " + epoch + " were returned");
        }
        Batch batch;
        if (executor == null) {
            batch = await(build(nextToReturn, 1, Runnable::run));
        } else {
            topUp();
            batch = await(pending.removeFirst());
            topUp();
        }
        nextToReturn++;
        if (nextToReturn == batches) {
            shutdown();
        }
        return batch;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            for (CompletableFuture<Batch> future : pending) {
                future.cancel(true);
            }
            pending.clear();
            shutdown();
        }
    }

    private void shutdown() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void topUp() {
        while (nextToSubmit < batches && pending.size() < prefetch) {
            pending.addLast(build(nextToSubmit++, chunks, executor));
        }
    }

    private static Batch await(CompletableFuture<Batch> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        } catch (ExecutionException | CompletionException | CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("preparing a batch failed: " + cause.getMessage(), cause);
        }
    }

    /** Builds batch {@code b} in {@code parts} chunks run by {@code executor}. */
    private CompletableFuture<Batch> build(int b, int parts, java.util.concurrent.Executor executor) {
        int from = b * batchSize;
        int size = Math.min(batchSize, order.length - from);
        float[] images = new float[size * outShape.size()];
        int[] labels = new int[size];
        int perPart = Math.max(1, (size + parts - 1) / parts);
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (int start = 0; start < size; start += perPart) {
            int lo = start;
            int hi = Math.min(size, start + perPart);
            work.add(CompletableFuture.runAsync(() -> fill(from, lo, hi, images, labels), executor));
        }
        return CompletableFuture.allOf(work.toArray(CompletableFuture[]::new))
                .thenApply(v -> new Batch(images, labels, size, outShape));
    }

    /** Fills slots [lo, hi) of a batch whose first image is at epoch position {@code from}. */
    private void fill(int from, int lo, int hi, float[] images, int[] labels) {
        float[] raw = new float[inShape.size()];
        for (int slot = lo; slot < hi; slot++) {
            int position = from + slot;
            int index = order[position];
            labels[slot] = split.label(index);
            split.readImage(index, raw, 0);
            SplittableRandom random = new SplittableRandom(Seeds.mix(seed, AUGMENT_TAG, epoch, position));
            augmentation.apply(raw, inShape, mean, std, random, images, slot * outShape.size());
        }
    }

    private static int[] shuffled(int[] indices, long seed) {
        int[] out = indices.clone();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = out.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOL_NUMBER.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "istanas-batch-loader-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Configures a {@link BatchLoader}; every setting has a default except the split, mean and std. */
    public static final class Builder {
        private final ImageSplit split;
        private final float[] mean;
        private final float[] std;
        private ImageShape shape;
        private int[] indices;
        private int batchSize = 64;
        private boolean shuffle;
        private long seed;
        private int epoch;
        private int startBatch;
        private boolean dropLast;
        private Augmentation augmentation = Augmentation.none();
        private int prefetch = 2;
        private int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

        private Builder(ImageSplit split, float[] mean, float[] std) {
            this.split = Objects.requireNonNull(split, "split is null");
            this.mean = Objects.requireNonNull(mean, "mean is null").clone();
            this.std = Objects.requireNonNull(std, "std is null").clone();
            if (split instanceof ShapedImageSplit shaped) {
                this.shape = shaped.shape();
            }
        }

        /** Image shape of the split; needed only for splits that do not implement {@link ShapedImageSplit}. */
        public Builder shape(ImageShape shape) {
            this.shape = Objects.requireNonNull(shape, "shape is null");
            return this;
        }

        /** The subset of the split to iterate (e.g. {@link TrainValidSplit#train()}); default all, in index order. */
        public Builder indices(int[] indices) {
            this.indices = Objects.requireNonNull(indices, "indices is null").clone();
            return this;
        }

        /** Images per batch (default 64). */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Whether to shuffle the indices each epoch (default false). */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** Base seed of the shuffle and augmentation (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Epoch number: with the seed, it determines order and augmentation (default 0). */
        public Builder epoch(int epoch) {
            if (epoch < 0) {
                throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
            }
            this.epoch = epoch;
            return this;
        }

        /** Skips the first {@code k} batches of the epoch, to resume mid-epoch (default 0). */
        public Builder startBatch(int k) {
            this.startBatch = k;
            return this;
        }

        /** Whether to drop a last, smaller batch (default false). */
        public Builder dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /** Augmentation applied to each image (default {@link Augmentation#none()}: normalisation only). */
        public Builder augmentation(Augmentation augmentation) {
            this.augmentation = Objects.requireNonNull(augmentation, "augmentation is null");
            return this;
        }

        /** Batches prepared ahead of the consumer (default 2). */
        public Builder prefetch(int batches) {
            if (batches < 1) {
                throw new IllegalArgumentException("prefetch must be >= 1, got " + batches);
            }
            this.prefetch = batches;
            return this;
        }

        /** Worker threads (default min(4, processors)); 0 builds batches on the caller's thread. */
        public Builder workers(int workers) {
            if (workers < 0) {
                throw new IllegalArgumentException("workers must be >= 0, got " + workers);
            }
            this.workers = workers;
            return this;
        }

        public BatchLoader build() {
            if (shape == null) {
                throw new IllegalArgumentException("the split does not tell its image shape (it is not a "
                        + "ShapedImageSplit): call shape(ImageShape) with the dataset's shape");
            }
            if (mean.length != shape.channels() || std.length != shape.channels()) {
                throw new IllegalArgumentException("mean and std need " + shape.channels() + " values (one per "
                        + "channel of " + shape + "), got " + mean.length + " and " + std.length);
            }
            int n = split.size();
            int[] chosen = indices != null ? indices : IntStream.range(0, n).toArray();
            for (int i = 0; i < chosen.length; i++) {
                if (chosen[i] < 0 || chosen[i] >= n) {
                    throw new IllegalArgumentException("indices[" + i + "] = " + chosen[i] + " is outside the split"
                            + " of " + n + " images");
                }
            }
            if (chosen.length == 0) {
                throw new IllegalArgumentException("no images to iterate (empty indices)");
            }
            return new BatchLoader(this, shape, chosen);
        }
    }
}
