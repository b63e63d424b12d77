package org.istanas.api.network;

/**
 * How an exported file computes dilated depthwise convolutions. ND4J's oneDNN builds reject a dilated
 * convolution ("could not create a descriptor for a dilated convolution", docs/engine.md), so by default none is
 * written.
 */
public enum DilatedConvolutions {
    /**
     * Dilation 2 as an ordinary convolution on the four parity phases (the engine's own rewrite; reshapes and
     * permutes only, SameDiff), else the zero-expanded kernel. Runs on every backend.
     */
    REWRITE,
    /** Always the zero-expanded kernel (3x3 dilation 2 = 5x5 with zeros): exact, more multiply-adds. */
    EXPANDED_KERNEL,
    /** The dilated op itself: only for backends without oneDNN; the export's self-check fails on oneDNN. */
    NATIVE
}
