package org.istanas.solvers.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.SolverLimits;
import org.istanas.solvers.matrix.DenseMatrices;
import org.istanas.api.solver.MeasurementMatrices;

/**
 * The benchmark workloads, all seeded.
 * <ul>
 *   <li>{@code 7xN} (N = 14, 21, 28, 35): one ISTA-NAS node, A ~ Uniform[0,1) as the official code draws it,
 *       b ~ 1e-3·N(0,1) as the architecture parameters are initialised, λ = 1e-5, s = 2;</li>
 *   <li>{@code epoch}: the 8 such nodes (normal and reduction cell, 4 each) recovered once per search epoch;</li>
 *   <li>{@code 50x1000}: an ablation size, column-normalised Gaussian A, b = A z₀ for a planted 5-sparse z₀, λ = 1e-5, s = 5.</li>
 * </ul>
 * All use {@link SolverLimits#DEFAULT} (100,000 iterations, tolerance 1e-10, 10 s).
 */
final class BenchmarkProblems {
    static final double LAMBDA = 1e-5;

    private BenchmarkProblems() {
    }

    static List<LassoProblem> of(String size) {
        return switch (size) {
            case "7x14" -> List.of(paperNode(14, 1));
            case "7x21" -> List.of(paperNode(21, 2));
            case "7x28" -> List.of(paperNode(28, 3));
            case "7x35" -> List.of(paperNode(35, 4));
            case "epoch" -> epoch();
            case "50x1000" -> List.of(planted(50, 1000, 5, 7));
            default -> throw new IllegalArgumentException("unknown size '" + size + "'");
        };
    }

    private static List<LassoProblem> epoch() {
        List<LassoProblem> nodes = new ArrayList<>();
        for (int cell = 0; cell < 2; cell++) {
            for (int node = 0; node < 4; node++) {
                nodes.add(paperNode(7 * (node + 2), 100 + 10L * cell + node));
            }
        }
        return List.copyOf(nodes);
    }

    private static LassoProblem paperNode(int n, long seed) {
        double[][] a = MeasurementMatrices.uniform(7, n, seed);
        SplittableRandom random = new SplittableRandom(seed ^ 0xB);
        double[] b = new double[7];
        for (int i = 0; i < 7; i++) {
            b[i] = 1e-3 * random.nextGaussian();
        }
        return new LassoProblem(a, b, LAMBDA, 2, null, SolverLimits.DEFAULT);
    }

    private static LassoProblem planted(int m, int n, int s, long seed) {
        double[][] a = MeasurementMatrices.gaussianNormalized(m, n, seed);
        SplittableRandom random = new SplittableRandom(seed);
        double[] z = new double[n];
        random.ints(0, n).distinct().limit(s).forEach(k -> z[k] = (random.nextBoolean() ? 1 : -1) * (0.5 + random.nextDouble()));
        double[] b = new double[m];
        DenseMatrices.multiply(a, z, b);
        return new LassoProblem(a, b, LAMBDA, s, null, SolverLimits.DEFAULT);
    }
}
