package org.istanas.metrics.benchmark;

/** A benchmark table that cannot be used; the message names the file and, where it applies, line and column. */
public final class BenchmarkTableException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BenchmarkTableException(String message) {
        super(message);
    }

    public BenchmarkTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
