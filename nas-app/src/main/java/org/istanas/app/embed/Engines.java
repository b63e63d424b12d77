package org.istanas.app.embed;

import org.istanas.ops.network.NetworkEngine;

/** The default network engine: ND4J's ({@code org.istanas.ops.engine.Nd4jEngine}). */
public final class Engines {
    static final String DEFAULT_ENGINE = "org.istanas.ops.engine.Nd4jEngine";

    private Engines() {
    }

    /** The engine bound in the application's injector, or else a new default engine. */
    public static NetworkEngine resolve(java.util.Optional<NetworkEngine> bound) {
        return bound.orElseGet(Engines::defaultEngine);
    }

    /** A new instance of the default engine; fails with a clear message when the engine module is missing. */
    public static NetworkEngine defaultEngine() {
        try {
            return (NetworkEngine) Class.forName(DEFAULT_ENGINE).getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the network engine " + DEFAULT_ENGINE + " is not on the class path", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start the network engine " + DEFAULT_ENGINE + ": " + e, e);
        }
    }
}
