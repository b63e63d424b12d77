package org.istanas.search.twostage;

import org.istanas.search.toolkit.SpaceCodes;
import org.istanas.search.toolkit.DartsCodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.genotype.CellType;
import org.istanas.api.network.DenseSearchNetwork;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.op.NoneOperation;
import org.istanas.api.run.Seeds;
import org.istanas.data.pipeline.Augmentation;
import org.istanas.api.space.Architecture;
import org.istanas.search.toolkit.CodeLayout;

/**
 * First-order DARTS: every op of every edge computed and mixed by a softmax over the edge's alphas; Adam on the
 * alphas from a validation batch, then SGD on the weights from a training batch. At every epoch end the alphas are
 * projected to a genotype by DARTS's rule: per node the two input edges with the strongest op weight, each with its
 * strongest op, {@code none} excluded from both rankings (quark0/darts cnn/model_search.py {@code genotype()}).
 * With {@code withNone} (the default, as DARTS) the search space has DARTS's eight operations, {@code none} first.
 */
final class DartsJob extends SuperNetJobBase<DenseSearchNetwork> {
    static final String KIND = "darts";

    private final DartsConfig config;
    /** The darts layout (two-edge projection), or null in spaces with one op per edge. */
    private final CodeLayout layout;
    /** Index of {@code none} in the layout, or -1. */
    private final int noneIndex;
    /** The softmax codes and projections of the epoch being reported, per type index. */
    private double[][][] epochCodes;
    private int[][][] epochSupports;

    /** A search of the {@code darts} space (with {@code none} first when {@code withNone}). */
    DartsJob(DartsConfig config, ImageDataset dataset, List<CandidateOperation> operations, NetworkEngine engine,
             long seed) {
        this(config, dataset, new DartsCodes(withNone(operations, config.withNone()), config.nodes(), 1),
                indexOfNone(withNone(operations, config.withNone())), engine, seed,
                engine.denseSearchNetwork(new SearchNetworkSpec(Augmentation.networkInput(dataset),
                        dataset.numClasses(),
                        config.channels(), config.layers(), config.nodes(), withNone(operations, config.withNone()),
                        0.0, Seeds.derive(seed, "weights"), config.bnAfterReduceSkip())));
    }

    /**
     * A search of any space: {@code codes} lays out the softmax weights as codes, {@code network} is the space's
     * dense super-net (owned by the job from here on).
     *
     * @param noneIndex position of {@code none} among the operations (-1: none); the darts projection skips it
     */
    DartsJob(DartsConfig config, ImageDataset dataset, SpaceCodes codes, int noneIndex, NetworkEngine engine,
             long seed, DenseSearchNetwork network) {
        super(config, dataset, codes, engine, seed, network, network.architecture(),
                group -> engine.sgd(group, config.learningRate(), config.momentum(), config.weightDecay()));
        this.config = config;
        this.layout = codes instanceof DartsCodes d ? d.layout() : null;
        this.noneIndex = noneIndex;
        Random init = new Random(Seeds.derive(seed, "alpha-init"));
        int edges = IntStream.range(0, codes.nodes()).map(j -> codes.candidates(j) / codes.operationsPerEdge()).sum();
        for (CellType type : types) {
            double[][] alphas = new double[edges][codes.operationsPerEdge()];
            for (double[] edge : alphas) {
                for (int o = 0; o < edge.length; o++) {
                    edge[o] = config.archInitScale() * init.nextGaussian();
                }
            }
            network.setAlphas(type, alphas);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> codeColumns() {
        return codes.codeColumns();
    }

    /** The softmax codes and their projection, once per reported epoch. */
    @Override
    void afterValidation() {
        epochCodes = new double[types.size()][][];
        epochSupports = new int[types.size()][][];
        for (int t = 0; t < types.size(); t++) {
            epochCodes[t] = softmaxCodes(types.get(t));
            epochSupports[t] = projection(types.get(t));
        }
    }

    @Override
    int[] support(int type, int node) {
        return epochSupports[type][node];
    }

    @Override
    double[] code(int type, int node) {
        return epochCodes[type][node];
    }

    @Override
    public String headline() {
        return "DARTS (first order) search: " + org.istanas.api.run.Counts.of(config.epochs(), "epoch") + " of "
                + org.istanas.api.run.Counts.of(stepsPerEpoch(), "step") + ", "
                + (layout != null ? config.layers() + " cells x " : "nas-bench-201, " + config.layers()
                + " cells per stage x ") + config.channels() + " channels";
    }

    @Override
    public Architecture architecture() {
        int[][][] chosen = new int[types.size()][][];
        for (int t = 0; t < types.size(); t++) {
            chosen[t] = projection(types.get(t));
        }
        return codes.architecture(chosen);
    }

    /** Softmax weights per node in the code layout (entry k = input k / ops, op k % ops). */
    private double[][] softmaxCodes(CellType type) {
        double[][] alphas = network.alphas(type);
        double[][] weights = new double[codes.nodes()][];
        int edge = 0;
        for (int j = 0; j < codes.nodes(); j++) {
            weights[j] = new double[codes.candidates(j)];
            for (int i = 0; i < codes.candidates(j) / codes.operationsPerEdge(); i++, edge++) {
                double[] w = softmax(alphas[edge]);
                System.arraycopy(w, 0, weights[j], i * codes.operationsPerEdge(), w.length);
            }
        }
        return weights;
    }

    /**
     * DARTS's rule applied to this network's current alphas: in darts, two edges per node without {@code none}; in
     * spaces with one op per edge (nas-bench-201), the largest softmax weight of every edge, {@code none} included.
     */
    int[][] projection(CellType type) {
        double[][] weights = softmaxCodes(type);
        if (layout != null) {
            return project(weights, layout, noneIndex);
        }
        int[][] chosen = new int[weights.length][];
        for (int j = 0; j < weights.length; j++) {
            chosen[j] = codes.support(weights[j], j);
        }
        return chosen;
    }

    /** DARTS's eight operations: {@code none} first, then the given ones (unchanged when they hold it already). */
    static List<CandidateOperation> withNone(List<CandidateOperation> operations, boolean withNone) {
        if (!withNone || indexOfNone(operations) >= 0) {
            return operations;
        }
        List<CandidateOperation> all = new ArrayList<>();
        all.add(new NoneOperation());
        all.addAll(operations);
        return List.copyOf(all);
    }

    static int indexOfNone(List<CandidateOperation> operations) {
        for (int o = 0; o < operations.size(); o++) {
            if (operations.get(o).name().equals(NoneOperation.NAME)) {
                return o;
            }
        }
        return -1;
    }

    /**
     * DARTS's rule: per node, the 2 input edges whose best op has the largest softmax weight (strongest first), each
     * with its best op; ties go to the lower index. The op at {@code excludedOp} ({@code none}; -1 = nothing
     * excluded) takes part in neither ranking, as in DARTS.
     *
     * @param codes softmax weights per node in the code layout
     * @return per node the chosen code indices
     */
    static int[][] project(double[][] codes, CodeLayout layout, int excludedOp) {
        int[][] chosen = new int[codes.length][];
        int ops = layout.ops();
        for (int j = 0; j < codes.length; j++) {
            double[] w = codes[j];
            int inputs = w.length / ops;
            int[] best = new int[inputs];
            for (int i = 0; i < inputs; i++) {
                int b = -1;
                for (int o = 0; o < ops; o++) {
                    if (o != excludedOp && (b < 0 || w[i * ops + o] > w[b])) {
                        b = i * ops + o;
                    }
                }
                best[i] = b;
            }
            chosen[j] = IntStream.of(best).boxed()
                    .sorted(Comparator.comparingDouble((Integer k) -> -w[k]).thenComparingInt(k -> k))
                    .limit(Math.min(2, inputs)).mapToInt(Integer::intValue).toArray();
        }
        return chosen;
    }

    static double[] softmax(double[] a) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            e[i] = Math.exp(a[i] - max);
            sum += e[i];
        }
        for (int i = 0; i < a.length; i++) {
            e[i] /= sum;
        }
        return e;
    }
}
