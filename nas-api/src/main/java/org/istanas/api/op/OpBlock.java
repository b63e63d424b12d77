package org.istanas.api.op;

/** An engine-built piece of network, opaque to operation plugins; only the engine that built it can run it. */
public interface OpBlock {
}
