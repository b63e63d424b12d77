package org.istanas.metrics.io;

/** A CSV file that cannot be used: missing, unreadable, malformed, or lacking a requested column. */
public final class CsvInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean missingColumn;

    public CsvInputException(String message) {
        this(message, false);
    }

    private CsvInputException(String message, boolean missingColumn) {
        super(message);
        this.missingColumn = missingColumn;
    }

    /** A requested column the file does not have: the option naming it is wrong (a usage error). */
    public static CsvInputException missingColumn(String message) {
        return new CsvInputException(message, true);
    }

    public boolean isMissingColumn() {
        return missingColumn;
    }

    public CsvInputException(String message, Throwable cause) {
        super(message, cause);
        this.missingColumn = false;
    }
}
