package org.istanas.metrics.io;

import java.util.Objects;

/**
 * A data row left out of a paired sample.
 *
 * @param row    1-based data row number (the header is not counted; a quoted value spanning lines counts once)
 * @param reason why, e.g. {@code "x value 'abc' is not a number"}
 */
public record SkippedRow(long row, String reason) {
    public SkippedRow {
        Objects.requireNonNull(reason, "reason is null");
    }

    @Override
    public String toString() {
        return "row " + row + ": " + reason;
    }
}
