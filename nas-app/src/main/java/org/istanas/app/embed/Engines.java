package org.istanas.app.embed;

import java.util.Optional;
import org.istanas.ops.engine.Nd4jEngine;
import org.istanas.api.network.NetworkEngine;

/** The network engine an embedding program gets unless it passes its own: ND4J's. */
public final class Engines {
    private Engines() {
    }

    /** The engine bound in the application's injector, or else a new default engine. */
    public static NetworkEngine resolve(Optional<NetworkEngine> bound) {
        return bound.orElseGet(Engines::defaultEngine);
    }

    /** A new instance of the default engine (float32, ND4J native backend). */
    public static NetworkEngine defaultEngine() {
        return new Nd4jEngine();
    }
}
