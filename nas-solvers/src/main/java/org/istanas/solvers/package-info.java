/**
 * Sparse-coding solvers for architecture recovery, registered by {@link org.istanas.solvers.SolversPlugin}:
 * {@code ista}, {@code fista} (plain Java proximal gradient), {@code lp} (basis pursuit on OR-Tools GLOP) and
 * {@code l0-mip} (exact s-sparse recovery as a big-M MIP on SCIP). See docs/solvers.md.
 */
package org.istanas.solvers;
