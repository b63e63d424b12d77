package org.istanas.search.toolkit.training;

import java.util.Objects;
import org.istanas.api.data.Batch;
import org.istanas.data.pipeline.BatchLoader;

/**
 * An endless, deterministic stream of batches over fixed indices: pass after pass of a {@link BatchLoader}, where
 * pass p shuffles with (seed, p). Positioned by a global batch number, so it can be reopened at any step of a
 * resumed run and continue with exactly the batches an uninterrupted run would have seen.
 */
public final class BatchStream implements AutoCloseable {
    /** Opens the loader of pass {@code pass}, skipping its first {@code startBatch} batches. */
    @FunctionalInterface
    public interface LoaderFactory {
        BatchLoader open(int pass, int startBatch);
    }

    private final LoaderFactory factory;
    private final int batchesPerPass;
    private BatchLoader current;
    private int pass;

    public BatchStream(LoaderFactory factory, int batchesPerPass) {
        this.factory = Objects.requireNonNull(factory, "factory is null");
        Check.positive("batchesPerPass", batchesPerPass);
        this.batchesPerPass = batchesPerPass;
    }

    public int batchesPerPass() {
        return batchesPerPass;
    }

    /** Positions the stream so that {@link #next()} returns global batch {@code position}. */
    public void seek(long position) {
        close();
        pass = (int) (position / batchesPerPass);
        current = factory.open(pass, (int) (position % batchesPerPass));
    }

    public Batch next() {
        if (current == null) {
            seek(0);
        }
        if (!current.hasNext()) {
            close();
            pass++;
            current = factory.open(pass, 0);
        }
        return current.next();
    }

    @Override
    public void close() {
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing batch loader failed", e);
            }
            current = null;
        }
    }
}
