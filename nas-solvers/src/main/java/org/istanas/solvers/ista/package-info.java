/**
 * Proximal-gradient LASSO solvers in plain double-precision Java: {@code ista} and {@code fista} (with
 * O'Donoghue–Candès gradient restart), step 1/L with L = λ_max(AᵀA) cached per matrix.
 */
package org.istanas.solvers.ista;
