package org.istanas.api.space;

import java.util.Objects;
import org.istanas.api.data.ImageShape;

/**
 * What stand-alone network of an architecture to build: its input, classes and weight-initialisation seed, the
 * space's own macro settings apply otherwise (the paper's channels and depth).
 */
public record StandaloneRequest(ImageShape input, int classes, long seed) {
    public StandaloneRequest {
        Objects.requireNonNull(input, "input is null");
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        }
    }
}
