package org.istanas.search.toolkit.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.network.TrainableNetwork;
import org.istanas.api.space.Architecture;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.space.SpaceNetworks;
import org.istanas.api.space.StandaloneRequest;
import org.istanas.api.space.darts.DartsSpace;
import org.istanas.search.toolkit.training.Check;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.run.AtomicFiles;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.istanas.api.run.Seeds;
import org.istanas.data.pipeline.Augmentation;
import org.istanas.data.pipeline.BatchLoader;
import org.istanas.search.toolkit.training.EvaluationPass;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.StepResult;
import org.istanas.api.network.TargetNetwork;
import org.istanas.api.network.TargetNetworkSpec;
import org.istanas.search.toolkit.training.TrainingLoop;

/**
 * Retrains an architecture's stand-alone network (a DARTS genotype's target network, a NAS-Bench-201 cell's
 * macro network) from scratch and measures test accuracy; the run folder gets metrics.csv,
 * checkpoints, the trained model ({@code model.bin}) and result.json, besides the config and provenance the caller
 * writes. {@link #testOnly} reloads a saved model and measures it again.
 */
public final class Evaluation {
    /** The trained network's state in the run folder. */
    public static final String MODEL = "model.bin";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final EvaluationConfig config;
    private final Architecture architecture;
    private final SearchSpace space;
    private final ImageDataset dataset;
    private final Map<String, CandidateOperation> operations;
    private final NetworkEngine engine;

    /** A DARTS genotype's target network. */
    public Evaluation(EvaluationConfig config, Genotype genotype, ImageDataset dataset,
                      Map<String, CandidateOperation> operations, NetworkEngine engine) {
        this(config, genotype, new DartsSpace(), dataset, operations, engine);
    }

    /**
     * The stand-alone network of an architecture of {@code space}: a DARTS genotype's target network through the
     * engine, any other space's through the space's own {@link SpaceNetworks#trainable}.
     *
     * @param operations the DARTS operations by name (other spaces' networks build their own)
     * @throws IllegalArgumentException when the architecture is not of {@code space}, names an operation nobody
     *                                  provides, or the config asks for what the space's network does not have
     */
    public Evaluation(EvaluationConfig config, Architecture architecture, SearchSpace space, ImageDataset dataset,
                      Map<String, CandidateOperation> operations, NetworkEngine engine) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.architecture = Objects.requireNonNull(architecture, "architecture is null");
        this.space = Objects.requireNonNull(space, "space is null");
        this.dataset = Objects.requireNonNull(dataset, "dataset is null");
        this.operations = Map.copyOf(operations);
        this.engine = Objects.requireNonNull(engine, "engine is null");
        if (!architecture.space().equals(space.name())) {
            throw new IllegalArgumentException("a " + architecture.space() + " architecture cannot be trained as a "
                    + space.name() + " network");
        }
        if (architecture instanceof Genotype genotype) {
            Check.atLeast("layers", config.layers(), 3);
            for (var type : org.istanas.api.genotype.CellType.values()) {
                for (var edge : genotype.edges(type)) {
                    if (!operations.containsKey(edge.op())) {
                        throw new IllegalArgumentException("genotype uses operation '" + edge.op()
                                + "', which no loaded plugin provides; known: " + operations.keySet());
                    }
                }
            }
        } else {
            space.checkOperations(architecture, space.operations());
            refuseDartsOnly("dropPath", config.dropPath() != 0, "0 (its networks have no drop-path)");
            refuseDartsOnly("auxiliaryWeight", config.auxiliaryWeight() != 0, "0 (its networks have no auxiliary head)");
            refuseDartsOnly("network", !config.network().equals("cifar"), "cifar (its macro network has one layout)");
            if (space.networks().isEmpty()) {
                throw new IllegalArgumentException("space " + space.name() + " has no networks in this engine");
            }
        }
    }

    private void refuseDartsOnly(String key, boolean set, String expected) {
        if (set) {
            throw new IllegalArgumentException(key + " must be " + expected + " to train a " + space.name()
                    + " architecture");
        }
    }

    /** Trains from scratch ({@code resume = false}) or continues from the folder's last checkpoint. */
    public EvaluationResult train(RunFolder folder, long seed, ProgressListener listener, boolean resume)
            throws IOException {
        try (TrainableNetwork network = build(seed)) {
            EvaluationJob job = new EvaluationJob(config, dataset, engine, network, seed);
            try {
                listener.runStarted("evaluation: " + shape() + ", "
                        + network.parameterCount() + " parameters, " + org.istanas.api.run.Counts.of(config.epochs(), "epoch")
                        + " of " + org.istanas.api.run.Counts.of(job.stepsPerEpoch(), "step") + ", run folder " + folder, config.epochs());
                new TrainingLoop(folder, listener, config.checkpointEverySteps(), config.keepCheckpoints())
                        .run(job, resume);
            } finally {
                job.closeData();
            }
            saveModel(folder, network);
            EvaluationResult result = new EvaluationResult(architecture, seed, config.epochs(), job.lastTestAccuracy(),
                    job.lastTestLoss(), network.parameterCount(), folder.root());
            writeResult(folder, result, "train");
            listener.runFinished(String.format(java.util.Locale.ROOT, "evaluation finished: test accuracy %.2f%%",
                    100 * result.testAccuracy()));
            return result;
        }
    }

    /** Loads {@code model.bin} of a finished evaluation and measures its test accuracy again. */
    public EvaluationResult testOnly(RunFolder folder, long seed) throws IOException {
        try (TrainableNetwork network = load(folder, seed)) {
            StepResult test = test(network, dataset, config);
            return new EvaluationResult(architecture, seed, config.epochs(), test.accuracy(), test.loss(),
                    network.parameterCount(), folder.root());
        }
    }

    /**
     * The trained DARTS target network of a finished evaluation folder ({@code model.bin}); the caller closes it.
     *
     * @throws IllegalStateException when the architecture is not a DARTS genotype
     */
    public TargetNetwork loadTarget(RunFolder folder, long seed) throws IOException {
        if (!(architecture instanceof Genotype)) {
            throw new IllegalStateException("a " + space.name() + " network is not a DARTS target network");
        }
        return (TargetNetwork) load(folder, seed);
    }

    /** The trained network of a finished evaluation folder ({@code model.bin}); the caller closes it. */
    public TrainableNetwork load(RunFolder folder, long seed) throws IOException {
        TrainableNetwork network = build(seed);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(folder.file(MODEL))))) {
            network.readState(in);
            return network;
        } catch (NoSuchFileException e) {
            network.close();
            throw new IOException("run folder " + folder + " has no " + MODEL + "; train it first (istanas evaluate"
                    + " without --test-only)", e);
        } catch (IOException | RuntimeException e) {
            network.close();
            throw e;
        }
    }

    private TrainableNetwork build(long seed) {
        long weights = Seeds.derive(seed, "weights");
        if (architecture instanceof Genotype genotype) {
            return engine.targetNetwork(new TargetNetworkSpec(genotype, layout(config),
                    Augmentation.networkInput(dataset), dataset.numClasses(), config.channels(), config.layers(),
                    config.auxiliaryWeight(), config.oneStageBn(), operations, weights));
        }
        SpaceNetworks networks = space.networks().orElseThrow();
        return networks.trainable(architecture, new StandaloneRequest(Augmentation.networkInput(dataset),
                dataset.numClasses(), config.channels(), config.layers(), weights));
    }

    /** What the progress line says the network is. */
    private String shape() {
        return architecture instanceof Genotype
                ? config.layers() + " cells x " + config.channels() + " channels"
                : space.name() + ", " + config.layers() + " cells per stage x " + config.channels() + " channels";
    }

    private static TargetNetworkSpec.Layout layout(EvaluationConfig config) {
        return config.network().equals("imagenet") ? TargetNetworkSpec.Layout.IMAGENET : TargetNetworkSpec.Layout.CIFAR;
    }

    /** Mean loss and accuracy on the (used part of the) test split, inference mode. */
    static StepResult test(TrainableNetwork network, ImageDataset dataset, EvaluationConfig config) {
        int[] indices = EvaluationJob.firstIndices(dataset.test(), config.testImages(), "testImages");
        return EvaluationPass.over(BatchLoader.over(dataset.test(), dataset.mean(), dataset.std()).indices(indices)
                .batchSize(config.batchSize()).shuffle(false).seed(0).epoch(0).dropLast(false)
                .augmentation(Augmentation.forEvaluation(dataset)).workers(config.loaderWorkers()).build(),
                network::evaluate);
    }

    private static void saveModel(RunFolder folder, TrainableNetwork network) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 22);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            network.writeState(out);
        }
        AtomicFiles.write(folder.file(MODEL), bytes.toByteArray());
    }

    private void writeResult(RunFolder folder, EvaluationResult result, String mode) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", mode);
        json.put("seed", result.seed());
        json.put("epochs", result.epochs());
        json.put("testAccuracy", result.testAccuracy());
        json.put("testLoss", result.testLoss());
        json.put("parameters", result.parameters());
        String architectureJson = space.toJson(result.architecture());
        json.put("genotype", JSON.readTree(architectureJson));
        AtomicFiles.write(folder.result(), JSON.writeValueAsString(json) + "\n");
        AtomicFiles.write(folder.genotype(), architectureJson);
    }
}
