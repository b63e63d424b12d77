package org.istanas.metrics.io;

/** A CSV file that cannot be used: missing, unreadable, malformed, or lacking a requested column. */
public final class CsvInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CsvInputException(String message) {
        super(message);
    }

    public CsvInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
