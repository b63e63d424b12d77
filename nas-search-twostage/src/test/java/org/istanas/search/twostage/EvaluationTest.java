package org.istanas.search.twostage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.istanas.api.config.ConfigLoader;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.genotype.Genotypes;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.istanas.ops.OpsPlugin;
import org.istanas.search.toolkit.eval.Evaluation;
import org.istanas.search.toolkit.eval.EvaluationConfig;
import org.istanas.search.toolkit.eval.EvaluationPresets;
import org.istanas.search.toolkit.eval.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retraining a genotype on the real engine: trains, reports test accuracy, saves and reloads the model. */
final class EvaluationTest {
    @TempDir
    Path dir;

    @Test
    void smokeTrainsReportsAndReloads() throws IOException {
        EvaluationConfig config = ConfigLoader.load(EvaluationConfig.class, EvaluationPresets.get("smoke"), null,
                List.of("layers=3", "channels=4", "trainImages=64", "testImages=32", "batchSize=16", "epochs=2",
                        "checkpointEverySteps=2"));
        ImageDataset data = TestRig.dataset();
        Map<String, CandidateOperation> ops = new LinkedHashMap<>();
        new OpsPlugin().operations().forEach(op -> ops.put(op.name(), op));
        Evaluation evaluation = new Evaluation(config, Genotypes.ISTA_TWOSTAGE, data, ops, TestRig.engine());
        RunFolder folder = RunFolder.create(dir.resolve("eval"));
        EvaluationResult trained = evaluation.train(folder, 1, ProgressListener.NONE, false);

        assertThat(trained.testAccuracy()).isBetween(0.0, 1.0);
        assertThat(trained.parameters()).isPositive();
        List<String> metrics = Files.readAllLines(folder.metrics());
        assertThat(metrics).hasSize(3);
        assertThat(metrics.get(0)).isEqualTo("epoch,lr,drop_path,train_loss,train_acc,test_loss,test_acc,seconds");
        // drop-path ramps linearly: 0 in epoch 0, 0.2 * 1/2 in epoch 1
        assertThat(metrics.get(2).split(",")[2]).isEqualTo("0.1");
        assertThat(folder.file(Evaluation.MODEL)).isRegularFile();

        EvaluationResult reloaded = evaluation.testOnly(folder, 1);
        assertThat(reloaded.testAccuracy()).isEqualTo(trained.testAccuracy());
        assertThat(reloaded.testLoss()).isEqualTo(trained.testLoss());
    }
}
