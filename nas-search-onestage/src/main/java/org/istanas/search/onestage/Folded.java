package org.istanas.search.onestage;

import java.util.Objects;
import org.istanas.api.network.TrainableNetwork;
import org.istanas.api.space.Architecture;

/**
 * The network a one-stage run folds into (z inside its batch norms) and the architecture it has: a genotype's
 * target network on {@code darts}, a one-stage-layout cell network on {@code nas-bench-201}. Closing it closes the
 * network.
 */
record Folded(TrainableNetwork network, Architecture architecture) implements AutoCloseable {
    Folded {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(architecture, "architecture is null");
    }

    @Override
    public void close() {
        network.close();
    }
}
