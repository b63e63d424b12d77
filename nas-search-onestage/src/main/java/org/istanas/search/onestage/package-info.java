/**
 * One-stage ISTA-NAS (Algorithm 2 of the paper; docs/onestage.md): the {@code one-stage} search strategy, its
 * configuration and presets, the per-node termination logic ({@link org.istanas.search.onestage.ArchitectureState}),
 * folding z into BN and saving the folded target network, and re-evaluation of the found architecture.
 */
package org.istanas.search.onestage;
