package org.istanas.search.onestage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.istanas.api.data.Batch;
import org.istanas.api.genotype.CellType;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeEdge;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.network.DenseSearchNetwork;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.OneStageNetwork;
import org.istanas.api.network.Optimizer;
import org.istanas.api.network.ParameterGroup;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.SparseSearchNetwork;
import org.istanas.api.network.StepResult;
import org.istanas.api.network.TargetNetwork;
import org.istanas.api.network.TargetNetworkSpec;

/**
 * A small, exact, pure-Java implementation of the network contracts, for testing the one-stage strategy's control
 * logic independently of the ND4J engine. The "network" is a softmax classifier on per-channel image means f (plus a
 * constant): logits = W f + V o, where node n contributes o_n = gamma_n h_n + beta_n ("its op outputs after BN") and
 * h_n = sum over its support S of z_k f[k mod d], with z = x_S + A_S^T (b - A_S x_S) exactly as digest 1.4. Gradients
 * are analytic. Frozen b and unreleased gamma/beta are skipped by the optimizers (as parameters without
 * requires_grad). The engine records freeze/release calls with the number of training steps taken before them.
 */
final class ToyEngine implements NetworkEngine {
    /** "freeze normal_n2 @12" etc. */
    final List<String> events = new ArrayList<>();
    /** Number of scalar parameters whose gradients the last clipGradientNorm call covered. */
    long lastClippedSize;
    private int steps;

    @Override
    public String describe() {
        return "toy engine (pure Java, float64)";
    }

    @Override
    public SparseSearchNetwork sparseSearchNetwork(SearchNetworkSpec spec) {
        throw new UnsupportedOperationException("toy engine: one-stage only");
    }

    @Override
    public DenseSearchNetwork denseSearchNetwork(SearchNetworkSpec spec) {
        throw new UnsupportedOperationException("toy engine: one-stage only");
    }

    @Override
    public OneStageNetwork oneStageNetwork(SearchNetworkSpec spec) {
        return new ToySuperNet(spec);
    }

    @Override
    public TargetNetwork targetNetwork(TargetNetworkSpec spec) {
        return new ToyTarget(spec.genotype(), spec.input().channels() + 1, spec.classes(), spec.genotype().normal().size() / 2, spec.seed(),
                opCost(spec));
    }

    /** A parameter count that depends on the genotype, so caps can be exercised: 100 per conv op per layer. */
    private static long opCost(TargetNetworkSpec spec) {
        long count = 0;
        for (CellType type : CellType.values()) {
            for (GenotypeEdge e : spec.genotype().edges(type)) {
                count += e.op().contains("conv") ? 100L * spec.layers() : 0;
            }
        }
        return count;
    }

    @Override
    public Optimizer sgd(ParameterGroup parameters, double learningRate, double momentum, double weightDecay) {
        return new ToyOptimizer((Group) parameters, learningRate, momentum, weightDecay, false, 0, 0);
    }

    /** The toy's ops have no weights of their own, so updates without a gradient do not arise; same optimizer. */
    @Override
    public Optimizer sgd(ParameterGroup parameters, double learningRate, double momentum, double weightDecay,
                         boolean updateWithoutGradient) {
        return sgd(parameters, learningRate, momentum, weightDecay);
    }

    @Override
    public Optimizer adam(ParameterGroup parameters, double learningRate, double beta1, double beta2,
                          double weightDecay) {
        return new ToyOptimizer((Group) parameters, learningRate, 0, weightDecay, true, beta1, beta2);
    }

    @Override
    public double clipGradientNorm(double maxNorm, ParameterGroup... groups) {
        lastClippedSize = java.util.Arrays.stream(groups).mapToLong(ParameterGroup::size).sum();
        double sum = 0;
        for (ParameterGroup g : groups) {
            for (Block b : ((Group) g).blocks) {
                for (double v : b.grad) {
                    sum += v * v;
                }
            }
        }
        double norm = Math.sqrt(sum);
        if (norm > maxNorm) {
            double scale = maxNorm / (norm + 1e-6);
            for (ParameterGroup g : groups) {
                for (Block b : ((Group) g).blocks) {
                    for (int i = 0; i < b.grad.length; i++) {
                        b.grad[i] *= scale;
                    }
                }
            }
        }
        return norm;
    }

    /** One tensor with its gradient; skipped by optimizers while {@code trainable} is false. */
    static final class Block {
        double[] value;
        double[] grad;
        boolean trainable;

        Block(double[] value, boolean trainable) {
            this.value = value;
            this.grad = new double[value.length];
            this.trainable = trainable;
        }
    }

    static final class Group implements ParameterGroup {
        final List<Block> blocks = new ArrayList<>();

        Block add(double[] value, boolean trainable) {
            Block b = new Block(value, trainable);
            blocks.add(b);
            return b;
        }

        @Override
        public long size() {
            return blocks.stream().mapToLong(b -> b.value.length).sum();
        }
    }

    /** SGD with momentum and coupled weight decay, or Adam with coupled L2 (PyTorch semantics). */
    static final class ToyOptimizer implements Optimizer {
        private final Group group;
        private double lr;
        private final double momentum;
        private final double decay;
        private final boolean adam;
        private final double beta1;
        private final double beta2;
        private double[][] m;
        private double[][] v;
        private long[] t;

        ToyOptimizer(Group group, double lr, double momentum, double decay, boolean adam, double beta1, double beta2) {
            this.group = group;
            this.lr = lr;
            this.momentum = momentum;
            this.decay = decay;
            this.adam = adam;
            this.beta1 = beta1;
            this.beta2 = beta2;
        }

        private void allocate() {
            if (m == null) {
                int n = group.blocks.size();
                m = new double[n][];
                v = new double[n][];
                t = new long[n];
                for (int i = 0; i < n; i++) {
                    m[i] = new double[group.blocks.get(i).value.length];
                    v[i] = new double[group.blocks.get(i).value.length];
                }
            }
        }

        @Override
        public void step() {
            allocate();
            for (int i = 0; i < group.blocks.size(); i++) {
                Block b = group.blocks.get(i);
                if (!b.trainable) {
                    continue;
                }
                t[i]++;
                for (int k = 0; k < b.value.length; k++) {
                    double g = b.grad[k] + decay * b.value[k];
                    if (adam) {
                        m[i][k] = beta1 * m[i][k] + (1 - beta1) * g;
                        v[i][k] = beta2 * v[i][k] + (1 - beta2) * g * g;
                        double mh = m[i][k] / (1 - Math.pow(beta1, t[i]));
                        double vh = v[i][k] / (1 - Math.pow(beta2, t[i]));
                        b.value[k] -= lr * mh / (Math.sqrt(vh) + 1e-8);
                    } else {
                        m[i][k] = t[i] == 1 ? g : momentum * m[i][k] + g;
                        b.value[k] -= lr * m[i][k];
                    }
                }
            }
        }

        @Override
        public void setLearningRate(double learningRate) {
            lr = learningRate;
        }

        @Override
        public double learningRate() {
            return lr;
        }

        @Override
        public void writeState(DataOutputStream out) throws IOException {
            allocate();
            out.writeDouble(lr);
            for (int i = 0; i < m.length; i++) {
                out.writeLong(t[i]);
                writeArray(out, m[i]);
                writeArray(out, v[i]);
            }
        }

        @Override
        public void readState(DataInputStream in) throws IOException {
            allocate();
            lr = in.readDouble();
            for (int i = 0; i < m.length; i++) {
                t[i] = in.readLong();
                m[i] = readArray(in);
                v[i] = readArray(in);
            }
        }
    }

    static void writeArray(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double x : a) {
            out.writeDouble(x);
        }
    }

    static double[] readArray(DataInputStream in) throws IOException {
        double[] a = new double[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }

    /** Per-channel means plus a constant 1. */
    static double[] features(Batch batch, int image) {
        int c = batch.shape().channels();
        int hw = batch.shape().height() * batch.shape().width();
        double[] f = new double[c + 1];
        for (int ch = 0; ch < c; ch++) {
            double s = 0;
            int base = (image * c + ch) * hw;
            for (int p = 0; p < hw; p++) {
                s += batch.images()[base + p];
            }
            f[ch] = s / hw;
        }
        f[c] = 1;
        return f;
    }

    /**
     * The model shared by the super-net and target networks: per node n, an "op output" h_n = sum_k w_nk f[k mod d]
     * over its active entries, o_n = gamma_n h_n + beta_n, logits = W f + V o.
     */
    abstract static class Linear {
        final int d;
        final int classes;
        final int nodesPerType;
        final int nodes;
        final Group weights = new Group();
        final Block w;
        final Block v;
        final Block[] gamma;
        final Block[] beta;

        Linear(int d, int classes, int nodesPerType, long seed, boolean affineTrainable) {
            this.d = d;
            this.classes = classes;
            this.nodesPerType = nodesPerType;
            this.nodes = 2 * nodesPerType;
            SplittableRandom random = new SplittableRandom(seed);
            w = weights.add(random.doubles((long) classes * d, -0.1, 0.1).toArray(), true);
            v = weights.add(random.doubles((long) classes * nodes, -0.5, 0.5).toArray(), true);
            gamma = new Block[nodes];
            beta = new Block[nodes];
            for (int n = 0; n < nodes; n++) {
                gamma[n] = weights.add(new double[] {1}, affineTrainable);
                beta[n] = weights.add(new double[] {0}, affineTrainable);
            }
        }

        /** Active entries of node n: indices into its code. */
        abstract int[] active(int n);

        /** Weight of active entry k of node n. */
        abstract double weight(int n, int k);

        /** Receives d(loss)/d(weight of entry k of node n). */
        abstract void weightGradient(int n, int k, double g);

        abstract void clearExtraGradients();

        /** Which feature active entry k of node n reads. */
        int featureIndex(int n, int k) {
            return k % d;
        }

        abstract void finishGradients();

        double[] hidden(double[] f) {
            double[] h = new double[nodes];
            for (int n = 0; n < nodes; n++) {
                for (int k : active(n)) {
                    h[n] += weight(n, k) * f[featureIndex(n, k)];
                }
            }
            return h;
        }

        double[] logits(double[] f, double[] h) {
            double[] z = new double[classes];
            for (int c = 0; c < classes; c++) {
                for (int e = 0; e < d; e++) {
                    z[c] += w.value[c * d + e] * f[e];
                }
                for (int n = 0; n < nodes; n++) {
                    z[c] += v.value[c * nodes + n] * (gamma[n].value[0] * h[n] + beta[n].value[0]);
                }
            }
            return z;
        }

        StepResult pass(Batch batch, boolean train) {
            if (train) {
                for (Block b : weights.blocks) {
                    Arrays.fill(b.grad, 0);
                }
                clearExtraGradients();
            }
            double loss = 0;
            int correct = 0;
            for (int i = 0; i < batch.size(); i++) {
                double[] f = features(batch, i);
                double[] h = hidden(f);
                double[] z = logits(f, h);
                double max = Arrays.stream(z).max().orElseThrow();
                double sum = 0;
                for (double x : z) {
                    sum += Math.exp(x - max);
                }
                int y = batch.labels()[i];
                loss += -(z[y] - max - Math.log(sum));
                int arg = 0;
                for (int c = 1; c < classes; c++) {
                    arg = z[c] > z[arg] ? c : arg;
                }
                correct += arg == y ? 1 : 0;
                if (!train) {
                    continue;
                }
                double[] g = new double[classes];
                for (int c = 0; c < classes; c++) {
                    g[c] = (Math.exp(z[c] - max) / sum - (c == y ? 1 : 0)) / batch.size();
                }
                for (int c = 0; c < classes; c++) {
                    for (int e = 0; e < d; e++) {
                        w.grad[c * d + e] += g[c] * f[e];
                    }
                }
                for (int n = 0; n < nodes; n++) {
                    double o = gamma[n].value[0] * h[n] + beta[n].value[0];
                    double dout = 0;
                    for (int c = 0; c < classes; c++) {
                        v.grad[c * nodes + n] += g[c] * o;
                        dout += g[c] * v.value[c * nodes + n];
                    }
                    if (gamma[n].trainable) {
                        gamma[n].grad[0] += dout * h[n];
                        beta[n].grad[0] += dout;
                    }
                    double dh = dout * gamma[n].value[0];
                    for (int k : active(n)) {
                        weightGradient(n, k, dh * f[featureIndex(n, k)]);
                    }
                }
            }
            if (train) {
                finishGradients();
            }
            return new StepResult(loss / batch.size(), correct, batch.size());
        }

        float[][] logitsOf(Batch batch) {
            float[][] out = new float[batch.size()][];
            for (int i = 0; i < batch.size(); i++) {
                double[] f = features(batch, i);
                double[] z = logits(f, hidden(f));
                out[i] = new float[classes];
                for (int c = 0; c < classes; c++) {
                    out[i][c] = (float) z[c];
                }
            }
            return out;
        }

        void writeWeights(DataOutputStream out) throws IOException {
            for (Block b : weights.blocks) {
                writeArray(out, b.value);
            }
        }

        void readWeights(DataInputStream in) throws IOException {
            for (Block b : weights.blocks) {
                double[] a = readArray(in);
                if (a.length != b.value.length) {
                    throw new IOException("toy state does not match this network");
                }
                System.arraycopy(a, 0, b.value, 0, a.length);
            }
        }
    }

    /** The one-stage super-net. */
    final class ToySuperNet extends Linear implements OneStageNetwork {
        private final SearchNetworkSpec spec;
        private final Group architecture = new Group();
        private final Block[] b;
        private final double[][][] a;
        private final int[][] support;
        private final double[][] x;
        private final double[][] dz;
        private double dropPath;

        ToySuperNet(SearchNetworkSpec spec) {
            super(spec.input().channels() + 1, spec.classes(), spec.nodes(), spec.seed(), false);
            this.spec = spec;
            b = new Block[nodes];
            for (int n = 0; n < nodes; n++) {
                b[n] = architecture.add(new double[0], true);
            }
            a = new double[nodes][][];
            support = new int[nodes][];
            x = new double[nodes][];
            dz = new double[nodes][];
        }

        private int index(CellType type, int node) {
            return type.ordinal() * nodesPerType + node;
        }

        @Override
        public void freezeNode(CellType type, int node) {
            events.add("freeze " + new NodeRef(type, node).label() + " @" + steps);
            b[index(type, node)].trainable = false;
        }

        @Override
        public void releaseNode(CellType type, int node) {
            events.add("release " + new NodeRef(type, node).label() + " @" + steps);
            gamma[index(type, node)].trainable = true;
            beta[index(type, node)].trainable = true;
        }

        @Override
        public void setDropPathProbability(double probability) {
            dropPath = probability;
        }

        double dropPath() {
            return dropPath;
        }

        double gamma(CellType type, int node) {
            return gamma[index(type, node)].value[0];
        }

        @Override
        public TargetNetwork fold() {
            List<GenotypeEdge> normal = new ArrayList<>();
            List<GenotypeEdge> reduce = new ArrayList<>();
            List<CandidateOperation> ops = spec.operations();
            for (int n = 0; n < nodes; n++) {
                for (int k : support[n]) {
                    (n < nodesPerType ? normal : reduce).add(new GenotypeEdge(ops.get(k % ops.size()).name(),
                            k / ops.size()));
                }
            }
            List<Integer> concat = new ArrayList<>();
            for (int j = 0; j < nodesPerType; j++) {
                concat.add(j + 2);
            }
            ToyTarget target = new ToyTarget(new Genotype(normal, concat, reduce, concat), d, classes, nodesPerType,
                    0, -1);
            System.arraycopy(w.value, 0, target.w.value, 0, w.value.length);
            System.arraycopy(v.value, 0, target.v.value, 0, v.value.length);
            for (int n = 0; n < nodes; n++) {
                double[] z = weights(n);
                for (int i = 0; i < support[n].length; i++) {
                    target.edgeWeights[n][i] = z[support[n][i]] * gamma[n].value[0];
                }
                target.beta[n].value[0] = beta[n].value[0];
            }
            return target;
        }

        /** z of node n: x_S + A_S^T (b - A_S x_S) on S, 0 elsewhere. */
        private double[] weights(int n) {
            double[] z = new double[a[n][0].length];
            double[] r = b[n].value.clone();
            for (int i = 0; i < r.length; i++) {
                for (int k : support[n]) {
                    r[i] -= a[n][i][k] * x[n][k];
                }
            }
            for (int k : support[n]) {
                z[k] = x[n][k];
                for (int i = 0; i < r.length; i++) {
                    z[k] += a[n][i][k] * r[i];
                }
            }
            return z;
        }

        private double[][] cachedZ;

        @Override
        int[] active(int n) {
            return support[n];
        }

        @Override
        double weight(int n, int k) {
            return cachedZ[n][k];
        }

        @Override
        void weightGradient(int n, int k, double g) {
            dz[n][k] += g;
        }

        @Override
        void clearExtraGradients() {
            for (int n = 0; n < nodes; n++) {
                dz[n] = new double[a[n][0].length];
                Arrays.fill(b[n].grad, 0);
            }
        }

        @Override
        void finishGradients() {
            for (int n = 0; n < nodes; n++) {
                if (!b[n].trainable) {
                    continue;
                }
                for (int i = 0; i < b[n].grad.length; i++) {
                    for (int k : support[n]) {
                        b[n].grad[i] += a[n][i][k] * dz[n][k];
                    }
                }
            }
        }

        private void refresh() {
            cachedZ = new double[nodes][];
            for (int n = 0; n < nodes; n++) {
                if (support[n] == null) {
                    throw new IllegalStateException("setSupport was not called for node " + n);
                }
                cachedZ[n] = weights(n);
            }
        }

        @Override
        public StepResult trainStep(Batch batch) {
            refresh();
            steps++;
            return pass(batch, true);
        }

        @Override
        public StepResult evaluate(Batch batch) {
            refresh();
            return pass(batch, false);
        }

        @Override
        public float[][] logits(Batch batch) {
            refresh();
            return logitsOf(batch);
        }

        @Override
        public ParameterGroup weights() {
            return weights;
        }

        @Override
        public ParameterGroup architecture() {
            return architecture;
        }

        @Override
        public double[] compressedCode(CellType type, int node) {
            return b[index(type, node)].value.clone();
        }

        @Override
        public void setCompressedCode(CellType type, int node, double[] code) {
            Block block = b[index(type, node)];
            block.value = code.clone();
            block.grad = new double[code.length];
        }

        @Override
        public void setSupport(CellType type, int node, double[][] matrix, int[] s, double[] point) {
            int n = index(type, node);
            a[n] = matrix;
            support[n] = s.clone();
            x[n] = point.clone();
        }

        @Override
        public double[] nodeWeights(CellType type, int node) {
            return weights(index(type, node));
        }

        @Override
        public int[][] computedOperations() {
            return new int[0][];
        }

        @Override
        public long parameterCount() {
            return weights.size();
        }

        @Override
        public void writeState(DataOutputStream out) throws IOException {
            writeWeights(out);
            for (Block block : b) {
                writeArray(out, block.value);
            }
        }

        @Override
        public void readState(DataInputStream in) throws IOException {
            readWeights(in);
            for (Block block : b) {
                block.value = readArray(in);
                block.grad = new double[block.value.length];
            }
        }

        @Override
        public void close() {
        }
    }

    /** A target network: node n sums its genotype edges with trainable weights. */
    static final class ToyTarget extends Linear implements TargetNetwork {
        private final Genotype genotype;
        private final long count;
        final double[][] edgeWeights;
        private final int[][] entries;
        private final Block[] edgeBlocks;

        ToyTarget(Genotype genotype, int d, int classes, int nodesPerType, long seed, long count) {
            super(d, classes, nodesPerType, seed, true);
            this.genotype = genotype;
            this.count = count;
            edgeWeights = new double[nodes][];
            entries = new int[nodes][];
            edgeBlocks = new Block[nodes];
            int opsPerInput = 7;
            for (int n = 0; n < nodes; n++) {
                List<GenotypeEdge> edges = genotype.edges(n < nodesPerType ? CellType.NORMAL : CellType.REDUCE);
                int j = n % nodesPerType;
                entries[n] = new int[] {edges.get(2 * j).input() * opsPerInput + opIndex(edges.get(2 * j).op()),
                        edges.get(2 * j + 1).input() * opsPerInput + opIndex(edges.get(2 * j + 1).op())};
                edgeWeights[n] = new double[] {1, 1};
                edgeBlocks[n] = weights.add(edgeWeights[n], true);
            }
        }

        private static int opIndex(String op) {
            return org.istanas.ops.Primitives.PAPER.indexOf(op);
        }

        @Override
        int[] active(int n) {
            return new int[] {0, 1};
        }

        @Override
        double weight(int n, int i) {
            return edgeWeights[n][i];
        }

        @Override
        int featureIndex(int n, int i) {
            return entries[n][i] % d;
        }

        @Override
        void weightGradient(int n, int i, double g) {
            edgeBlocks[n].grad[i] += g;
        }

        @Override
        void clearExtraGradients() {
        }

        @Override
        void finishGradients() {
        }

        @Override
        public Genotype genotype() {
            return genotype;
        }

        @Override
        public void setDropPathProbability(double probability) {
        }

        @Override
        public StepResult trainStep(Batch batch) {
            return pass(batch, true);
        }

        @Override
        public StepResult evaluate(Batch batch) {
            return pass(batch, false);
        }

        @Override
        public float[][] logits(Batch batch) {
            return logitsOf(batch);
        }

        @Override
        public ParameterGroup weights() {
            return weights;
        }

        @Override
        public long parameterCount() {
            return count < 0 ? weights.size() : count;
        }

        @Override
        public void writeState(DataOutputStream out) throws IOException {
            writeWeights(out);
        }

        @Override
        public void readState(DataInputStream in) throws IOException {
            readWeights(in);
        }

        @Override
        public void close() {
        }
    }
}
