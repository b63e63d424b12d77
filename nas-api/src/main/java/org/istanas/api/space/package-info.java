/**
 * Search spaces as an extension point: {@link org.istanas.api.space.SearchSpace} (operations, topology, genotype
 * codec, networks), the architectures it reads ({@link org.istanas.api.space.Architecture}), the engine-neutral
 * network factory ({@link org.istanas.api.space.SpaceNetworks}) and {@link org.istanas.api.space.SpaceGenotypes},
 * which reads a genotype file of any space.
 */
package org.istanas.api.space;
