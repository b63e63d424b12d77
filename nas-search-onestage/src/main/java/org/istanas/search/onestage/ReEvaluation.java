package org.istanas.search.onestage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.run.CheckpointStore;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.istanas.api.run.Seeds;
import org.istanas.metrics.SeedSummary;
import org.istanas.api.network.NetworkEngine;
import org.istanas.search.toolkit.eval.Evaluation;
import org.istanas.search.toolkit.eval.EvaluationConfig;

/**
 * The supplementary material's re-evaluation (section 1.3): the found architecture is trained N more times from
 * scratch without architecture variables (the evaluation trainer on the one-stage target network, the retrain
 * phase's settings, seeds {@link Seeds#forRun}(seed, 1..N)), each in its own evaluation folder
 * {@code reevaluate-i/} of the run. Finished folders are reused and interrupted ones resumed, so re-running a
 * killed run repeats no work.
 */
final class ReEvaluation {
    static final String PREFIX = "reevaluate-";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The summary of the run's own result and the N retrainings, plus their per-run accuracies. */
    record Summary(SeedSummary testAccuracy, List<Double> reevaluations) {
        Summary {
            reevaluations = List.copyOf(reevaluations);
        }
    }

    private final EvaluationConfig config;
    private final Evaluation evaluation;

    ReEvaluation(OneStageConfig config, Genotype genotype, ImageDataset dataset, List<CandidateOperation> operations,
                 NetworkEngine engine) {
        this.config = FoldedModel.evaluationConfig(Objects.requireNonNull(config, "config is null"));
        this.evaluation = new Evaluation(this.config, genotype, dataset, ParameterCap.byName(operations), engine);
    }

    /**
     * Trains {@code times} more networks and summarises them together with {@code ownAccuracy} (the one-stage run's
     * test accuracy).
     */
    Summary run(RunFolder run, long seed, int times, double ownAccuracy, ProgressListener listener)
            throws IOException {
        List<Double> values = new ArrayList<>();
        for (int i = 1; i <= times; i++) {
            Path dir = run.file(PREFIX + i);
            Path result = dir.resolve(RunFolder.RESULT);
            if (Files.isRegularFile(result)) {
                values.add(JSON.readTree(result.toFile()).path("testAccuracy").asDouble());
                continue;
            }
            RunFolder folder = FoldedModel.prepare(dir, config, run);
            boolean resume = new CheckpointStore(folder.checkpoints(), config.keepCheckpoints()).latest().isPresent();
            listener.message("re-evaluation " + i + " of " + times + (resume ? " (resuming)" : "") + " in " + dir);
            values.add(evaluation.train(folder, Seeds.forRun(seed, i), listener, resume).testAccuracy());
        }
        double[] all = new double[values.size() + 1];
        all[0] = ownAccuracy;
        for (int i = 0; i < values.size(); i++) {
            all[i + 1] = values.get(i);
        }
        return new Summary(SeedSummary.of(all), values);
    }
}
