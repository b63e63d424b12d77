package org.istanas.api.space;

/**
 * A stand-alone network built by a {@link SpaceNetworks} factory. Engine-neutral: what the engine adds to it
 * (training, inference) is reached by the engine module's own interfaces, which its implementations also carry.
 */
public interface StandaloneModel extends AutoCloseable {
    /** Trainable parameters as papers count them. */
    long parameterCount();

    /** Releases the engine memory behind the network. */
    @Override
    void close();
}
