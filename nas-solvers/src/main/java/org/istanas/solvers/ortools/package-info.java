/**
 * Solvers on Google OR-Tools' MPSolver: {@code lp} (basis pursuit and its ε-denoising form on GLOP) and
 * {@code l0-mip} (ℓ1-fit under ||z||₀ ≤ s as a big-M MIP on SCIP). Native libraries load once, lazily.
 */
package org.istanas.solvers.ortools;
