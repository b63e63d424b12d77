package org.istanas.search.onestage;

import org.istanas.api.genotype.CellType;
import org.istanas.api.network.OneStageNetwork;
import org.istanas.api.run.Seeds;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.MeasurementMatrices;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SolverLimits;
import org.istanas.api.solver.SparseSolver;
import org.istanas.search.toolkit.CodeLayout;
import org.istanas.search.toolkit.SolverStats;

/**
 * The sparse-coding half of a one-stage epoch: each node's measurement matrix A (m x n_j, drawn once from the seed)
 * and the recovery of its code x from the network's b by the LASSO solver, with the solver's statistics per epoch.
 */
final class NodeRecovery {
    private final OneStageConfig config;
    private final SparseSolver solver;
    private final SolverStats stats;
    /** A[type][node]. */
    private final double[][][][] matrices;

    NodeRecovery(OneStageConfig config, CodeLayout layout, SparseSolver solver, long seed) {
        this.config = config;
        this.solver = solver;
        this.stats = new SolverStats(config.nodes());
        this.matrices = new double[CellType.values().length][config.nodes()][][];
        for (CellType type : CellType.values()) {
            for (int j = 0; j < config.nodes(); j++) {
                long matrixSeed = Seeds.derive(seed, "matrix-" + new NodeRef(type, j).label());
                int n = layout.candidates(j);
                matrices[type.ordinal()][j] = config.matrix().equals("gaussian")
                        ? MeasurementMatrices.gaussianNormalized(config.projDims(), n, matrixSeed)
                        : MeasurementMatrices.uniform(config.projDims(), n, matrixSeed);
            }
        }
    }

    double[][] matrix(CellType type, int node) {
        return matrices[type.ordinal()][node];
    }

    SolverStats stats() {
        return stats;
    }

    /**
     * Recovers x from the network's current b for every node not frozen in {@code current} (all nodes when it is
     * null: the initial recovery), warm-started at the last accepted code.
     */
    double[][][] recover(OneStageNetwork network, ArchitectureState current) {
        SolverLimits limits = new SolverLimits(config.solverMaxIterations(), config.solverTolerance(),
                config.solverTimeLimitMillis());
        double[][][] recovered = new double[CellType.values().length][config.nodes()][];
        for (CellType type : CellType.values()) {
            for (int j = 0; j < config.nodes(); j++) {
                NodeRef node = new NodeRef(type, j);
                if (current != null && current.frozen(node)) {
                    continue;
                }
                LassoProblem problem = new LassoProblem(matrix(type, j), network.compressedCode(type, j),
                        config.lambda(), config.sparsity(),
                        current == null || !config.solverWarmStart() ? null : current.code(node), limits);
                Recovery r = solver.solve(problem);
                stats.record(type, j, problem, r, solver.name());
                recovered[type.ordinal()][j] = r.z();
            }
        }
        return recovered;
    }
}
