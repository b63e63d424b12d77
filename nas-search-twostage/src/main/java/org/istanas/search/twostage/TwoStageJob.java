package org.istanas.search.twostage;

import org.istanas.search.toolkit.SpaceCodes;
import org.istanas.search.toolkit.DartsCodes;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.genotype.CellType;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.SparseSearchNetwork;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.run.Seeds;
import org.istanas.data.pipeline.Augmentation;
import org.istanas.api.run.StateStreams;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.MeasurementMatrices;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SolverLimits;
import org.istanas.api.solver.SparseSolver;
import org.istanas.api.space.Architecture;
import org.istanas.search.toolkit.CodeLayout;
import org.istanas.search.toolkit.SolverStats;

/**
 * Algorithm 1 of ISTA-NAS as the official code runs it (paper digest 1.6). Per epoch: fix A_S and the linearisation
 * point from the last recovered code x; per batch, an Adam step on b from a validation batch, then an SGD step on the
 * weights from a training batch (gradient norm clipped); then super-net accuracy on the validation half; then
 * recover x for every node from the new b with the sparse solver (warm-started) and keep its top-s support.
 */
final class TwoStageJob extends SuperNetJobBase<SparseSearchNetwork> {
    static final String KIND = "two-stage";

    private final TwoStageConfig config;
    private final SparseSolver solver;
    /** A[type index][node]: m_j x n_j, drawn once. */
    private final double[][][][] matrices;
    /** Last recovered code x[type index][node] (zero outside its support). */
    private final double[][][] xs;
    /** Its support, in the order the architecture lists it. */
    private final int[][][] supports;
    private final SolverStats solverStats;

    /** A search of the {@code darts} space. */
    TwoStageJob(TwoStageConfig config, ImageDataset dataset, List<CandidateOperation> operations, SparseSolver solver,
                NetworkEngine engine, long seed) {
        this(config, dataset, new DartsCodes(operations, config.nodes(), config.sparsity()), solver, engine, seed,
                engine.sparseSearchNetwork(new SearchNetworkSpec(Augmentation.networkInput(dataset),
                        dataset.numClasses(),
                        config.channels(), config.layers(), config.nodes(), operations, 0.0,
                        Seeds.derive(seed, "weights"), config.bnAfterReduceSkip())));
    }

    /**
     * A search of any space: {@code codes} lays out its codes, {@code network} is its sparse super-net (owned by the
     * job from here on). Each node's A has {@link SpaceCodes#measurements} rows.
     */
    TwoStageJob(TwoStageConfig config, ImageDataset dataset, SpaceCodes codes, SparseSolver solver,
                NetworkEngine engine, long seed, SparseSearchNetwork network) {
        super(config, dataset, codes, engine, seed, network, network.architecture(), group -> engine.sgd(group,
                config.learningRate(), config.momentum(), config.weightDecay(), config.updateOpsOutsideSupport()));
        this.config = config;
        this.solver = solver;
        this.solverStats = new SolverStats(codes.supportColumns(), codes.nodeNames());
        this.matrices = new double[types.size()][codes.nodes()][][];
        this.xs = new double[types.size()][codes.nodes()][];
        this.supports = new int[types.size()][codes.nodes()][];
        Random init = new Random(Seeds.derive(seed, "b-init"));
        for (int t = 0; t < types.size(); t++) {
            CellType type = types.get(t);
            for (int j = 0; j < codes.nodes(); j++) {
                long matrixSeed = Seeds.derive(seed, "matrix-" + CodeLayout.prefix(type) + "-" + j);
                int n = codes.candidates(j);
                int m = codes.measurements(j, config.projDims());
                matrices[t][j] = config.matrix().equals("gaussian")
                        ? MeasurementMatrices.gaussianNormalized(m, n, matrixSeed)
                        : MeasurementMatrices.uniform(m, n, matrixSeed);
                double[] b = new double[m];
                for (int i = 0; i < b.length; i++) {
                    b[i] = config.archInitScale() * init.nextGaussian();
                }
                network.setCompressedCode(type, j, b);
            }
        }
        recoverAll(false);
        solverStats.clear(); // every epoch end solves every node again
    }

    SparseSearchNetwork network() {
        return network;
    }

    /** A_j of a node (tests compare solvers on the problems of a real run). */
    double[][] matrix(CellType type, int node) {
        return matrices[types.indexOf(type)][node];
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> codeColumns() {
        List<String> columns = new java.util.ArrayList<>(codes.codeColumns());
        columns.addAll(solverStats.columns());
        return columns;
    }

    /** Fixes A_S and the linearisation point from the last recovered code of every node. */
    @Override
    void beforeEpoch(int epoch) {
        for (int t = 0; t < types.size(); t++) {
            for (int j = 0; j < codes.nodes(); j++) {
                network.setSupport(types.get(t), j, matrices[t][j], supports[t][j], xs[t][j]);
            }
        }
    }

    @Override
    void clipWeightStep() {
        if (config.clipArchitectureGradients()) { // b's gradient from this training batch counts in the norm
            engine.clipGradientNorm(config.gradClip(), network.weights(), network.architecture());
        } else {
            engine.clipGradientNorm(config.gradClip(), network.weights());
        }
    }

    @Override
    void afterValidation() {
        recoverAll(true);
    }

    @Override
    int[] support(int type, int node) {
        return supports[type][node];
    }

    @Override
    double[] code(int type, int node) {
        return xs[type][node];
    }

    @Override
    List<Double> extraCodeValues() {
        return solverStats.row();
    }

    @Override
    String note(String genotypeLine) {
        return solverStats.withWarning(genotypeLine);
    }

    @Override
    public String headline() {
        return "two-stage ISTA-NAS search: " + org.istanas.api.run.Counts.of(config.epochs(), "epoch") + " of "
                + org.istanas.api.run.Counts.of(stepsPerEpoch(), "step") + ", "
                + (codes instanceof DartsCodes ? config.layers() + " cells x " + config.channels() + " channels, s = "
                + config.sparsity() : "nas-bench-201, " + config.layers() + " cells per stage x " + config.channels()
                + " channels, one op per edge") + ", solver " + solver.name();
    }

    /** The architecture of the current supports. */
    @Override
    public Architecture architecture() {
        return codes.architecture(supports);
    }

    /**
     * Recovers x of every node from the network's current b; {@code warm} starts the solver at the last x (unless
     * {@code solverWarmStart} is off).
     */
    private void recoverAll(boolean warm) {
        SolverLimits limits = new SolverLimits(config.solverMaxIterations(), config.solverTolerance(),
                config.solverTimeLimitMillis());
        int slot = 0;
        for (int t = 0; t < types.size(); t++) {
            for (int j = 0; j < codes.nodes(); j++) {
                double[] b = network.compressedCode(types.get(t), j);
                LassoProblem problem = new LassoProblem(matrices[t][j], b, config.lambda(), codes.picks(j),
                        warm && config.solverWarmStart() ? xs[t][j].clone() : null, limits);
                Recovery r = solver.solve(problem);
                solverStats.record(slot++, problem, r, solver.name());
                int[] support = codes.support(r.z(), j);
                double[] x = new double[r.z().length];
                for (int k : support) {
                    x[k] = r.z()[k];
                }
                xs[t][j] = x;
                supports[t][j] = support;
            }
        }
    }

    @Override
    void writeOwnState(DataOutputStream out) throws IOException {
        for (int t = 0; t < xs.length; t++) {
            for (int j = 0; j < codes.nodes(); j++) {
                StateStreams.writeDoubles(out, xs[t][j]);
                out.writeInt(supports[t][j].length);
                for (int k : supports[t][j]) {
                    out.writeInt(k);
                }
            }
        }
    }

    @Override
    void readOwnState(DataInputStream in) throws IOException {
        for (int t = 0; t < xs.length; t++) {
            for (int j = 0; j < codes.nodes(); j++) {
                double[] x = StateStreams.readDoubles(in);
                if (x.length != codes.candidates(j)) {
                    throw new IOException("checkpoint holds a code of length " + x.length + " for "
                            + codes.nodeNames().get(t * codes.nodes() + j) + ", the configuration needs "
                            + codes.candidates(j));
                }
                xs[t][j] = x;
                int[] s = new int[in.readInt()];
                for (int i = 0; i < s.length; i++) {
                    s[i] = in.readInt();
                }
                supports[t][j] = s;
            }
        }
    }

    @Override
    public String toString() {
        return "two-stage job " + Arrays.toString(new int[] {config.layers(), config.channels()});
    }
}
