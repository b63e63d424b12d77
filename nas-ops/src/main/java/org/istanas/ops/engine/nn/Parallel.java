package org.istanas.ops.engine.nn;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The engine's own Java worker pool for kernels written in Java (batch norm). Sized like the native thread pool so
 * the two never oversubscribe the cores; they take turns (a Java kernel never runs during a native op).
 */
public final class Parallel {
    private static volatile ForkJoinPool pool = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()));

    private Parallel() {
    }

    public static synchronized void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (pool.getParallelism() != threads) {
            ForkJoinPool old = pool;
            pool = new ForkJoinPool(threads);
            old.shutdown();
        }
    }

    public static int threads() {
        return pool.getParallelism();
    }

    /** Runs {@code body} for 0..count-1, spread over the pool; returns when all are done. */
    public static void forEach(int count, IntConsumer body) {
        if (count == 1 || pool.getParallelism() == 1) {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
            return;
        }
        pool.submit(() -> IntStream.range(0, count).parallel().forEach(body)).join();
    }
}
