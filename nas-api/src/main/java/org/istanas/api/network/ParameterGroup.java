package org.istanas.api.network;

/** A set of trainable tensors with their gradient buffers, as one optimizer updates them. Engine-owned. */
public interface ParameterGroup {
    /** Number of scalar parameters. */
    long size();
}
