package org.istanas.search.twostage;

import org.istanas.search.toolkit.CodeLayout;
import org.istanas.search.toolkit.GenotypeLine;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.genotype.CellType;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.run.Seeds;
import org.istanas.data.pipeline.BatchLoader;
import org.istanas.api.network.DenseSearchNetwork;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.Optimizer;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.StepResult;
import org.istanas.api.op.NoneOperation;
import org.istanas.api.network.DenseSearchNetwork;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.Optimizer;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.StepResult;
import org.istanas.search.toolkit.training.CosineSchedule;
import org.istanas.search.toolkit.training.EpochResult;
import org.istanas.search.toolkit.training.EpochTotals;
import org.istanas.search.toolkit.training.StepOutcome;
import org.istanas.search.toolkit.training.TrainingJob;
import org.istanas.search.toolkit.training.CosineSchedule;
import org.istanas.search.toolkit.training.EpochResult;
import org.istanas.search.toolkit.training.EpochTotals;
import org.istanas.search.toolkit.training.StepOutcome;
import org.istanas.search.toolkit.training.TrainingJob;
import org.istanas.data.pipeline.Augmentation;

/**
 * First-order DARTS: every op of every edge computed and mixed by a softmax over the edge's alphas; Adam on the
 * alphas from a validation batch, then SGD on the weights from a training batch. At every epoch end the alphas are
 * projected to a genotype by DARTS's rule: per node the two input edges with the strongest op weight, each with its
 * strongest op, {@code none} excluded from both rankings (quark0/darts cnn/model_search.py {@code genotype()}).
 * With {@code withNone} (the default, as DARTS) the search space has DARTS's eight operations, {@code none} first.
 */
final class DartsJob implements SuperNetJob {
    static final String KIND = "darts";

    private final DartsConfig config;
    private final CodeLayout layout;
    private final SuperNetData data;
    private final NetworkEngine engine;
    private final DenseSearchNetwork network;
    private final Optimizer weights;
    private final Optimizer architecture;
    private final CosineSchedule schedule;
    private double lastValidAccuracy = Double.NaN;
    /** Index of {@code none} in the layout, or -1. */
    private final int noneIndex;

    DartsJob(DartsConfig config, ImageDataset dataset, List<CandidateOperation> operations, NetworkEngine engine,
             long seed) {
        this.config = config;
        this.engine = engine;
        operations = withNone(operations, config.withNone());
        this.noneIndex = indexOfNone(operations);
        this.layout = new CodeLayout(operations, config.nodes());
        this.data = new SuperNetData(dataset, config, seed);
        this.schedule = CosineSchedule.of(config.learningRate(), config.learningRateMin(), config.epochs(),
                config.schedulerStepsFirst());
        this.network = engine.denseSearchNetwork(new SearchNetworkSpec(
                Augmentation.networkInput(dataset), dataset.numClasses(),
                config.channels(), config.layers(), config.nodes(), operations, 0.0, Seeds.derive(seed, "weights"),
                config.bnAfterReduceSkip()));
        this.weights = engine.sgd(network.weights(), config.learningRate(), config.momentum(), config.weightDecay());
        this.architecture = engine.adam(network.architecture(), config.archLearningRate(), config.archBeta1(),
                config.archBeta2(), config.archWeightDecay());
        Random init = new Random(Seeds.derive(seed, "alpha-init"));
        int edges = IntStream.range(0, config.nodes()).map(j -> j + 2).sum();
        for (CellType type : CellType.values()) {
            double[][] alphas = new double[edges][operations.size()];
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
    public int epochs() {
        return config.epochs();
    }

    @Override
    public int stepsPerEpoch() {
        return data.stepsPerEpoch();
    }

    @Override
    public List<String> metricColumns() {
        List<String> columns = new ArrayList<>(List.of("lr", "train_loss", "train_acc", "arch_loss", "valid_loss",
                "valid_acc"));
        columns.addAll(layout.supportColumns());
        return columns;
    }

    @Override
    public List<String> codeColumns() {
        return layout.codeColumns();
    }

    @Override
    public void startEpoch(int epoch, int startStep) {
        weights.setLearningRate(schedule.at(epoch));
        data.seek(epoch, startStep);
    }

    @Override
    public StepOutcome step(int epoch, int step) {
        StepResult arch = network.trainStep(data.valid().next());
        if (Double.isFinite(arch.loss())) {
            architecture.step();
        }
        StepResult train = network.trainStep(data.train().next());
        if (Double.isFinite(train.loss())) {
            engine.clipGradientNorm(config.gradClip(), network.weights());
            weights.step();
        }
        return new StepOutcome(train.loss(), train.correct(), train.size(), arch.loss());
    }

    @Override
    public EpochResult finishEpoch(int epoch, EpochTotals totals) {
        double lossSum = 0;
        long correct = 0;
        long images = 0;
        try (BatchLoader pass = data.validationPass(epoch)) {
            while (pass.hasNext()) {
                StepResult r = network.evaluate(pass.next());
                lossSum += r.loss() * r.size();
                correct += r.correct();
                images += r.size();
            }
        } catch (Exception e) {
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
        lastValidAccuracy = (double) correct / images;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("lr", weights.learningRate());
        metrics.put("train_loss", totals.meanLoss());
        metrics.put("train_acc", totals.accuracy());
        metrics.put("arch_loss", totals.meanExtra());
        metrics.put("valid_loss", lossSum / images);
        metrics.put("valid_acc", lastValidAccuracy);
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> supportColumns = layout.supportColumns();
        List<Double> codes = new ArrayList<>();
        int c = 0;
        for (CellType type : CellType.values()) {
            double[][] weightsPerNode = softmaxCodes(type);
            int[][] chosen = projection(type);
            for (int j = 0; j < config.nodes(); j++) {
                labels.put(supportColumns.get(c++), layout.label(chosen[j]));
                for (double v : weightsPerNode[j]) {
                    codes.add(v);
                }
            }
        }
        return new EpochResult(metrics, labels, codes, "genotype " + GenotypeLine.of(genotype()));
    }

    @Override
    public String headline() {
        return "DARTS (first order) search: " + org.istanas.api.run.Counts.of(config.epochs(), "epoch") + " of "
                + org.istanas.api.run.Counts.of(stepsPerEpoch(), "step") + ", "
                + config.layers() + " cells x " + config.channels() + " channels";
    }

    @Override
    public Genotype genotype() {
        return layout.genotype(projection(CellType.NORMAL), projection(CellType.REDUCE));
    }

    @Override
    public double lastValidAccuracy() {
        return lastValidAccuracy;
    }

    /** Softmax weights per node in the code layout (entry k = input k / ops, op k % ops). */
    private double[][] softmaxCodes(CellType type) {
        double[][] alphas = network.alphas(type);
        double[][] codes = new double[config.nodes()][];
        int edge = 0;
        for (int j = 0; j < config.nodes(); j++) {
            codes[j] = new double[layout.candidates(j)];
            for (int i = 0; i < j + 2; i++, edge++) {
                double[] w = softmax(alphas[edge]);
                System.arraycopy(w, 0, codes[j], i * layout.ops(), w.length);
            }
        }
        return codes;
    }

    /** DARTS's rule applied to this network's current alphas. */
    int[][] projection(CellType type) {
        return project(softmaxCodes(type), layout, noneIndex);
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

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        network.writeState(out);
        weights.writeState(out);
        architecture.writeState(out);
        out.writeDouble(lastValidAccuracy);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        network.readState(in);
        weights.readState(in);
        architecture.readState(in);
        lastValidAccuracy = in.readDouble();
    }

    @Override
    public void close() {
        data.close();
        network.close();
    }
}
