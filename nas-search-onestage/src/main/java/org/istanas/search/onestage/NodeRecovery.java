package org.istanas.search.onestage;

import java.util.List;
import org.istanas.api.network.OneStageSearchNetwork;
import org.istanas.api.run.Seeds;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.MeasurementMatrices;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SolverLimits;
import org.istanas.api.solver.SparseSolver;
import org.istanas.search.toolkit.SolverStats;
import org.istanas.search.toolkit.SpaceCodes;

/**
 * The sparse-coding half of a one-stage epoch: each node's measurement matrix A (m_j x n_j as the space's codes say,
 * drawn once from the seed) and the recovery of its code x from the network's b by the LASSO solver, with the
 * solver's statistics per epoch.
 */
final class NodeRecovery {
    private final OneStageConfig config;
    private final SpaceCodes codes;
    private final SparseSolver solver;
    private final SolverStats stats;
    /** A[type index][node]. */
    private final double[][][][] matrices;

    NodeRecovery(OneStageConfig config, SpaceCodes codes, SparseSolver solver, long seed) {
        this.config = config;
        this.codes = codes;
        this.solver = solver;
        this.stats = new SolverStats(codes.supportColumns(), codes.nodeNames());
        List<String> labels = codes.supportColumns();
        this.matrices = new double[codes.types().size()][codes.nodes()][][];
        for (int t = 0; t < codes.types().size(); t++) {
            for (int j = 0; j < codes.nodes(); j++) {
                long matrixSeed = Seeds.derive(seed, "matrix-" + labels.get(t * codes.nodes() + j));
                int m = codes.measurements(j, config.projDims());
                int n = codes.candidates(j);
                matrices[t][j] = config.matrix().equals("gaussian")
                        ? MeasurementMatrices.gaussianNormalized(m, n, matrixSeed)
                        : MeasurementMatrices.uniform(m, n, matrixSeed);
            }
        }
    }

    double[][] matrix(NodeRef node) {
        return matrices[codes.types().indexOf(node.type())][node.node()];
    }

    SolverStats stats() {
        return stats;
    }

    /**
     * Recovers x from the network's current b for every node not frozen in {@code current} (all nodes when it is
     * null: the initial recovery), warm-started at the last accepted code.
     */
    double[][][] recover(OneStageSearchNetwork network, ArchitectureState current) {
        SolverLimits limits = new SolverLimits(config.solverMaxIterations(), config.solverTolerance(),
                config.solverTimeLimitMillis());
        double[][][] recovered = new double[codes.types().size()][codes.nodes()][];
        for (int t = 0; t < codes.types().size(); t++) {
            for (int j = 0; j < codes.nodes(); j++) {
                NodeRef node = new NodeRef(codes.types().get(t), j);
                if (current != null && current.frozen(node)) {
                    continue;
                }
                LassoProblem problem = new LassoProblem(matrix(node), network.compressedCode(node.type(), j),
                        config.lambda(), codes.picks(j),
                        current == null || !config.solverWarmStart() ? null : current.code(node), limits);
                Recovery r = solver.solve(problem);
                stats.record(t * codes.nodes() + j, problem, r, solver.name());
                recovered[t][j] = r.z();
            }
        }
        return recovered;
    }
}
