package org.istanas.api.space;

import java.util.Objects;
import org.istanas.api.data.ImageShape;

/**
 * What stand-alone network of an architecture to build: its input, classes, width, depth and weight-initialisation
 * seed.
 *
 * @param input         image shape
 * @param classes       number of classes
 * @param channels      initial channels; 0 = the space's own (NB201: 16)
 * @param cellsPerStage cells per stage; 0 = the space's own (NB201: 5)
 * @param seed          weight-initialisation seed
 */
public record StandaloneRequest(ImageShape input, int classes, int channels, int cellsPerStage, long seed) {
    public StandaloneRequest {
        Objects.requireNonNull(input, "input is null");
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        }
        if (channels < 0 || cellsPerStage < 0) {
            throw new IllegalArgumentException("channels and cellsPerStage must be >= 0 (0 = the space's own), got "
                    + channels + ", " + cellsPerStage);
        }
    }

    /** The space's own width and depth (the benchmark's networks). */
    public StandaloneRequest(ImageShape input, int classes, long seed) {
        this(input, classes, 0, 0, seed);
    }

    /** {@code channels}, or {@code spaceDefault} when it is 0. */
    public int channelsOr(int spaceDefault) {
        return channels == 0 ? spaceDefault : channels;
    }

    /** {@code cellsPerStage}, or {@code spaceDefault} when it is 0. */
    public int cellsPerStageOr(int spaceDefault) {
        return cellsPerStage == 0 ? spaceDefault : cellsPerStage;
    }
}
