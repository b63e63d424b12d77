package org.istanas.api.solver;

/**
 * What a solver returns.
 *
 * @param z          the recovered code, length n
 * @param iterations iterations (or simplex/branch-and-bound nodes) used
 * @param objective  the LASSO objective 1/2||Az-b||^2 + lambda||z||_1 at z
 * @param converged  whether a stopping tolerance (not a cap) ended the solve
 * @param note       a short human-readable remark (e.g. "time limit hit"), empty when none
 */
public record Recovery(double[] z, int iterations, double objective, boolean converged, String note) {
}
