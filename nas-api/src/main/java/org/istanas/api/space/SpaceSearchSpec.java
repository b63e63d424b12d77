package org.istanas.api.space;

import java.util.List;
import java.util.Objects;
import org.istanas.api.data.ImageShape;

/**
 * Shape of a space's one-shot super-net (for spaces whose macro network is not the DARTS one, e.g.
 * {@code nas-bench-201}): input, classes, initial channels C, cells per stage N and the candidate operations in
 * the order that lays out each node's z (entry k = source node {@code k / ops}, op {@code k % ops}).
 */
public record SpaceSearchSpec(ImageShape input, int classes, int channels, int cellsPerStage,
                              List<String> operations, long seed) {
    public SpaceSearchSpec {
        Objects.requireNonNull(input, "input is null");
        operations = List.copyOf(Objects.requireNonNull(operations, "operations is null"));
        if (classes < 1 || channels < 1 || cellsPerStage < 1) {
            throw new IllegalArgumentException("a search network needs classes, channels and cellsPerStage >= 1, got "
                    + classes + ", " + channels + ", " + cellsPerStage);
        }
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("a search network needs at least one candidate operation");
        }
    }
}
