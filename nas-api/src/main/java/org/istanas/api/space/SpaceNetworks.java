package org.istanas.api.space;

/**
 * How a {@link SearchSpace}'s networks are built through the numeric engine. The interface is engine-neutral;
 * the engine module implements it (nas-ops for ND4J), so a space can live in a jar without engine types and still
 * be bound to networks by the engine.
 */
public interface SpaceNetworks {
    /**
     * The stand-alone network of {@code architecture}.
     *
     * @throws IllegalArgumentException when the architecture is not of this space or names an unknown operation
     */
    StandaloneModel standalone(Architecture architecture, StandaloneRequest request);
}
