package org.istanas.api.network;

import org.istanas.api.UsageException;

/**
 * Images whose height or width does not halve evenly through a network's stem and reduction cells (a usage error:
 * the image size is the caller's choice). Carries the offending side and a side that always fits, so that a caller
 * who knows which option set the size can name it.
 */
public final class InputSizeException extends UsageException {
    private static final long serialVersionUID = 1L;

    private final int side;
    private final int multiple;

    public InputSizeException(String message, int side, int multiple) {
        super(message);
        this.side = side;
        this.multiple = multiple;
    }

    /** The height or width that does not fit. */
    public int side() {
        return side;
    }

    /** Sides that are multiples of this always fit. */
    public int multiple() {
        return multiple;
    }
}
