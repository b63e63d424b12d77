package org.istanas.solvers;

import java.util.SplittableRandom;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.SolverLimits;
import org.istanas.solvers.matrix.DenseMatrices;

/** Test fixtures: planted s-sparse codes z₀ and the problems b = A z₀ they give. */
public record Planted(double[][] a, double[] z, int[] support, double[] b) {

    /** s distinct random indices, values ±(0.5..1.5), b = A z. */
    public static Planted code(double[][] a, int s, long seed) {
        int n = a[0].length;
        SplittableRandom random = new SplittableRandom(seed);
        int[] support = random.ints(0, n).distinct().limit(s).sorted().toArray();
        double[] z = new double[n];
        for (int k : support) {
            z[k] = (random.nextBoolean() ? 1 : -1) * (0.5 + random.nextDouble());
        }
        double[] b = new double[a.length];
        DenseMatrices.multiply(a, z, b);
        return new Planted(a, z, support, b);
    }

    public LassoProblem problem(double lambda, SolverLimits limits) {
        return new LassoProblem(a, b, lambda, support.length, null, limits);
    }
}
