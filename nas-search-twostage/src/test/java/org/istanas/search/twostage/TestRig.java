package org.istanas.search.twostage;


import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.istanas.api.config.ConfigLoader;
import org.istanas.api.data.Batch;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.genotype.CellType;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.istanas.api.search.SearchContext;
import org.istanas.api.search.SearchStrategy;
import org.istanas.data.synthetic.SyntheticProvider;
import org.istanas.ops.OpsPlugin;
import org.istanas.api.network.DenseSearchNetwork;
import org.istanas.ops.engine.Nd4jEngine;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.OneStageNetwork;
import org.istanas.api.network.Optimizer;
import org.istanas.api.network.ParameterGroup;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.SparseSearchNetwork;
import org.istanas.api.network.StepResult;
import org.istanas.api.network.TargetNetwork;
import org.istanas.api.network.TargetNetworkSpec;
import org.istanas.solvers.ista.FistaSolver;

/** Real pieces for strategy tests: the ND4J engine, a tiny synthetic dataset, the paper's ops and FISTA. */
final class TestRig {
    /** Tiny but complete: 3 cells x 2 channels, 64 images (2 batches per epoch), 2 epochs, checkpoint every step. */
    static final List<String> TINY = List.of("layers=3", "channels=2", "batchSize=16", "trainImages=64", "epochs=2",
            "augment=false", "checkpointEverySteps=1", "keepCheckpoints=3", "loaderWorkers=1");

    private TestRig() {
    }

    /** The ND4J engine (float32). */
    static NetworkEngine engine() {
        return new Nd4jEngine();
    }

    static ImageDataset dataset() throws IOException {
        return new SyntheticProvider().open(new DatasetRequest(null, 0, 0, Map.of("trainSize", "64", "testSize", "32")));
    }

    static SearchContext context(SearchStrategy strategy, List<String> overrides, RunFolder folder, long seed,
                                 NetworkEngine engine, ProgressListener listener) throws IOException {
        Record config = (Record) ConfigLoader.load(strategy.configType(), strategy.preset("smoke"), null, overrides);
        return SearchContext.builder().config(config).dataset(dataset()).solver(new FistaSolver())
                .operations(new OpsPlugin().operations()).runFolder(folder).seed(seed).listener(listener)
                .service(NetworkEngine.class, engine).build();
    }

    /** metrics.csv without its wall-clock column. */
    static List<String> metricsWithoutTime(Path folder) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve(RunFolder.METRICS))) {
            rows.add(line.substring(0, line.lastIndexOf(',')));
        }
        return rows;
    }

    /**
     * Decorates an engine so that every forward pass of its sparse search networks is checked: after each
     * trainStep/evaluate the per-node counts of computed (input, op) pairs are recorded.
     */
    static final class CountingEngine implements NetworkEngine {
        final NetworkEngine delegate;
        final List<int[][]> counts = new ArrayList<>();

        CountingEngine(NetworkEngine delegate) {
            this.delegate = delegate;
        }

        @Override
        public String describe() {
            return delegate.describe();
        }

        @Override
        public SparseSearchNetwork sparseSearchNetwork(SearchNetworkSpec spec) {
            SparseSearchNetwork n = delegate.sparseSearchNetwork(spec);
            return new SparseSearchNetwork() {
                @Override
                public ParameterGroup architecture() {
                    return n.architecture();
                }

                @Override
                public double[] compressedCode(CellType type, int node) {
                    return n.compressedCode(type, node);
                }

                @Override
                public void setCompressedCode(CellType type, int node, double[] b) {
                    n.setCompressedCode(type, node, b);
                }

                @Override
                public void setSupport(CellType type, int node, double[][] a, int[] support, double[] x) {
                    n.setSupport(type, node, a, support, x);
                }

                @Override
                public double[] nodeWeights(CellType type, int node) {
                    return n.nodeWeights(type, node);
                }

                @Override
                public int[][] computedOperations() {
                    return n.computedOperations();
                }

                @Override
                public StepResult trainStep(Batch batch) {
                    StepResult r = n.trainStep(batch);
                    counts.add(n.computedOperations());
                    return r;
                }

                @Override
                public StepResult evaluate(Batch batch) {
                    StepResult r = n.evaluate(batch);
                    counts.add(n.computedOperations());
                    return r;
                }

                @Override
                public float[][] logits(Batch batch) {
                    return n.logits(batch);
                }

                @Override
                public ParameterGroup weights() {
                    return n.weights();
                }

                @Override
                public long parameterCount() {
                    return n.parameterCount();
                }

                @Override
                public void writeState(DataOutputStream out) throws IOException {
                    n.writeState(out);
                }

                @Override
                public void readState(DataInputStream in) throws IOException {
                    n.readState(in);
                }

                @Override
                public void close() {
                    n.close();
                }
            };
        }

        @Override
        public DenseSearchNetwork denseSearchNetwork(SearchNetworkSpec spec) {
            return delegate.denseSearchNetwork(spec);
        }

        @Override
        public OneStageNetwork oneStageNetwork(SearchNetworkSpec spec) {
            return delegate.oneStageNetwork(spec);
        }

        @Override
        public TargetNetwork targetNetwork(TargetNetworkSpec spec) {
            return delegate.targetNetwork(spec);
        }

        @Override
        public Optimizer sgd(ParameterGroup parameters, double learningRate, double momentum, double weightDecay) {
            return delegate.sgd(parameters, learningRate, momentum, weightDecay);
        }

        @Override
        public Optimizer sgd(ParameterGroup parameters, double learningRate, double momentum, double weightDecay,
                             boolean updateWithoutGradient) {
            return delegate.sgd(parameters, learningRate, momentum, weightDecay, updateWithoutGradient);
        }

        @Override
        public Optimizer adam(ParameterGroup parameters, double learningRate, double beta1, double beta2,
                              double weightDecay) {
            return delegate.adam(parameters, learningRate, beta1, beta2, weightDecay);
        }

        @Override
        public double clipGradientNorm(double maxNorm, ParameterGroup... groups) {
            return delegate.clipGradientNorm(maxNorm, groups);
        }
    }
}
