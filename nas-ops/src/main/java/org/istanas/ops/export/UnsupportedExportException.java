package org.istanas.ops.export;

/** A network part the chosen file format cannot express; the message names it and says what to do. */
public final class UnsupportedExportException extends RuntimeException {
    public UnsupportedExportException(String message) {
        super(message);
    }

    public UnsupportedExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
