package org.istanas.app.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.config.ConfigLoader;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.run.Provenance;
import org.istanas.api.run.ProvenanceFiles;
import org.istanas.api.run.RunFolder;
import org.istanas.api.network.DilatedConvolutions;
import org.istanas.api.network.ExportFormat;
import org.istanas.api.network.ExportRequest;
import org.istanas.api.network.ExportResult;
import org.istanas.api.network.TargetNetwork;
import org.istanas.search.toolkit.eval.Evaluation;
import org.istanas.search.toolkit.eval.EvaluationConfig;

/**
 * Exports the trained network of an evaluation folder, or of a one-stage run (its folded network in
 * {@code model/}), as a DeepLearning4J model file with a sidecar JSON (input shape, normalisation, class names):
 * {@code istanas.exportModel(run).format(ExportFormat.SAMEDIFF).to(Path.of("model.zip"))}.
 */
public final class ModelExport {
    /** The folder inside a one-stage run that holds its folded network (an evaluation folder). */
    static final String ONE_STAGE_MODEL = "model";

    private final Istanas istanas;
    private final Path run;
    private ExportFormat format = ExportFormat.SAMEDIFF;
    private boolean withAuxiliary;
    private DilatedConvolutions dilated = DilatedConvolutions.REWRITE;

    ModelExport(Istanas istanas, Path run) {
        this.istanas = Objects.requireNonNull(istanas, "istanas is null");
        this.run = Objects.requireNonNull(run, "run is null");
    }

    public ModelExport format(ExportFormat format) {
        this.format = Objects.requireNonNull(format, "format is null");
        return this;
    }

    /** Also export the auxiliary head, as the second output {@code aux_logits}. */
    public ModelExport withAuxiliary(boolean withAuxiliary) {
        this.withAuxiliary = withAuxiliary;
        return this;
    }

    public ModelExport dilated(DilatedConvolutions dilated) {
        this.dilated = Objects.requireNonNull(dilated, "dilated is null");
        return this;
    }

    /** The trained network of the folder and the dataset it was trained on. */
    public record Trained(TargetNetwork network, ImageDataset dataset, RunFolder folder, long seed) {
    }

    /** Loads the trained network (the caller closes it). */
    public Trained load() throws IOException {
        RunFolder folder = RunFolder.open(trainedFolder(run));
        Provenance provenance = ProvenanceFiles.read(folder.provenance());
        ImageDataset data = istanas.reopen(provenance, folder);
        EvaluationConfig config = ConfigLoader.load(EvaluationConfig.class, Map.of(), folder.config(), List.of());
        org.istanas.api.space.Architecture architecture = istanas.readArchitecture(folder.genotype());
        if (!(architecture instanceof Genotype genotype)) {
            throw new org.istanas.api.UsageException(folder.genotype() + ": a " + architecture.space() + " network; "
                    + "export writes DARTS target networks only (the DeepLearning4J graph is built from DARTS cells)");
        }
        long seed = Long.parseLong(provenance.invocation("seed"));
        Evaluation evaluation = new Evaluation(config, genotype, data, istanas.operationsByName(), istanas.engine());
        return new Trained(evaluation.loadTarget(folder, seed), data, folder, seed);
    }

    /** Writes {@code out} and its sidecar JSON ({@code out} with the extension .json). */
    public ExportResult to(Path out) throws IOException {
        Objects.requireNonNull(out, "out is null");
        Trained trained = load();
        ImageDataset data = trained.dataset();
        RunFolder folder = trained.folder();
        long seed = trained.seed();
        try (TargetNetwork network = trained.network()) {
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("source", folder.root().toAbsolutePath().normalize().toString());
            description.put("dataset", data.name());
            description.put("datasetChecksum", data.checksum());
            description.put("seed", seed);
            ExportRequest request = new ExportRequest(format, withAuxiliary, dilated,
                    org.istanas.data.pipeline.Augmentation.networkInput(data), data.mean(),
                    data.std(), data.classNames(), description);
            return istanas.engine().exporter().export(network, request, out);
        }
    }

    /** The evaluation folder with trained weights: {@code run} itself or a one-stage run's {@code model/}. */
    static Path trainedFolder(Path run) throws IOException {
        if (Files.isRegularFile(run.resolve(Evaluation.MODEL))) {
            return run;
        }
        Path folded = run.resolve(ONE_STAGE_MODEL);
        if (Files.isRegularFile(folded.resolve(Evaluation.MODEL))) {
            return folded;
        }
        if (!Files.isDirectory(run)) {
            throw new IOException("run folder " + run + " does not exist");
        }
        throw new IOException(run + " holds no trained weights: neither " + run.resolve(Evaluation.MODEL) + " nor "
                + folded.resolve(Evaluation.MODEL) + " exists. Export an evaluation folder (istanas evaluate) or a"
                + " finished one-stage run; a two-stage or DARTS search ends with a genotype only: train it with"
                + " istanas evaluate --genotype " + run.resolve(RunFolder.GENOTYPE));
    }
}
