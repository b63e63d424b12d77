package org.istanas.api.solver;

/**
 * Stopping rules shared by all solvers; each solver honours those that apply to it.
 *
 * @param maxIterations  iteration cap of iterative solvers ({@link #DEFAULT}: none, {@link Integer#MAX_VALUE}, so
 *                       that the time limit is the budget: plain ISTA can need millions of iterations at λ = 1e-5)
 * @param tolerance      relative-change (or duality-gap) tolerance of iterative solvers
 * @param timeLimitMillis wall-clock limit of a solve (iterative solvers check it every 256 iterations)
 */
public record SolverLimits(int maxIterations, double tolerance, long timeLimitMillis) {
    public static final SolverLimits DEFAULT = new SolverLimits(Integer.MAX_VALUE, 1e-10, 10_000);

    public SolverLimits {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
        if (timeLimitMillis < 1) {
            throw new IllegalArgumentException("timeLimitMillis must be >= 1, got " + timeLimitMillis);
        }
    }
}
