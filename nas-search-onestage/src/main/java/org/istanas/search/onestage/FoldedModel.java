package org.istanas.search.onestage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.istanas.api.config.ConfigWriter;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.run.AtomicFiles;
import org.istanas.api.run.RunFolder;
import org.istanas.api.space.SearchSpace;
import org.istanas.search.toolkit.eval.Evaluation;
import org.istanas.search.toolkit.eval.EvaluationConfig;

/**
 * Saves the folded network of a one-stage run as an ordinary evaluation run folder ({@code model/} inside the
 * run): config.yaml (the {@link EvaluationConfig} that rebuilds it, one-stage BN layout), provenance.json (the
 * run's), genotype.json, {@code model.bin} and result.json. {@code istanas evaluate --run <run>/model --test-only}
 * (and {@link Evaluation#testOnly}) therefore load it like any retrained genotype. On {@code nas-bench-201}
 * genotype.json is the space's ({@code {"space": "nas-bench-201", "arch": "|...|"}}) and model.bin the state of the
 * cell network in the one-stage layout.
 */
final class FoldedModel {
    /** The folder inside the run that holds the folded network. */
    static final String FOLDER = "model";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FoldedModel() {
    }

    /** The evaluation configuration of the one-stage architecture: the retrain phase's settings. */
    static EvaluationConfig evaluationConfig(OneStageConfig c) {
        return new EvaluationConfig(Math.max(1, c.retrainEpochs()), c.batchSize(), c.layers(), c.channels(),
                c.learningRate(), c.learningRateMin(), c.momentum(), c.weightDecay(), c.gradClip(), c.cutout(),
                c.augment(), c.dropPath(), c.auxiliaryWeight(), c.trainImages(), c.testImages(),
                c.checkpointEverySteps(), c.keepCheckpoints(), c.loaderWorkers(), c.network(), true,
                false); // the official retrain steps its scheduler at the end of each epoch: r trains at lr(r)
    }

    /** Writes config.yaml and provenance.json of an evaluation-style folder and opens it. */
    static RunFolder prepare(Path root, EvaluationConfig config, RunFolder source) throws IOException {
        Files.createDirectories(root);
        AtomicFiles.write(root.resolve(RunFolder.CONFIG), ConfigWriter.toYaml(config));
        AtomicFiles.write(root.resolve(RunFolder.PROVENANCE), Files.readAllBytes(source.provenance()));
        return RunFolder.open(root);
    }

    /**
     * Writes the folded network and its description; returns the folder.
     *
     * @param space the space whose codec writes genotype.json, or {@code null} for a darts genotype (the format
     *              every run folder had before spaces existed)
     */
    static RunFolder save(RunFolder run, OneStageConfig config, Folded folded, SearchSpace space, long seed,
                          TestImages.FoldCheck check) throws IOException {
        RunFolder folder = prepare(run.file(FOLDER), evaluationConfig(config), run);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 22);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            folded.network().writeState(out);
        }
        AtomicFiles.write(folder.file(Evaluation.MODEL), bytes.toByteArray());
        Object genotypeTree;
        if (space == null) {
            Genotype genotype = (Genotype) folded.architecture();
            GenotypeJson.write(folder.genotype(), genotype);
            genotypeTree = GenotypeJson.toTree(genotype);
        } else {
            String text = space.toJson(folded.architecture());
            AtomicFiles.write(folder.genotype(), text.endsWith("\n") ? text : text + "\n");
            genotypeTree = JSON.readTree(text);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", "one-stage-fold");
        json.put("seed", seed);
        json.put("epochs", config.retrainEpochs());
        json.put("testAccuracy", check.foldedTestAccuracy());
        json.put("parameters", folded.network().parameterCount());
        json.put("genotype", genotypeTree);
        AtomicFiles.write(folder.result(), JSON.writeValueAsString(json) + "\n");
        return folder;
    }
}
