package org.istanas.search.onestage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.istanas.api.genotype.CellType;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.run.EpochReport;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.istanas.api.search.SearchOutcome;
import org.istanas.ops.OpsPlugin;
import org.istanas.search.toolkit.eval.Evaluation;
import org.istanas.search.toolkit.eval.EvaluationResult;
import org.istanas.search.toolkit.training.TrainingLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The strategy's control logic on the exact toy engine ({@link ToyEngine}): termination, freezing and releasing,
 * the phase switch, the fold outputs, re-evaluation and exact resume. The same behaviour on the ND4J engine is
 * checked by {@code OneStageEngineTest}.
 */
final class OneStageStrategyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void terminatedNodesAreFrozenAndReleasedExactlyOnceTheirCodeStopsMoving() throws IOException {
        // 4 steps per epoch; nodes 2 and 4 stop moving at once (flagged after epoch 1, the first that may flag),
        // nodes 3 and 5 keep moving until the search-epoch cap (5) fixes them.
        OneStageConfig config = Harness.config(List.of("maxSearchEpochs=5", "retrainEpochs=2"));
        ToyEngine engine = new ToyEngine();
        RunFolder folder = Harness.folder(dir.resolve("run"));
        List<double[]> bOfFrozenNode = new ArrayList<>();
        List<double[]> bOfMovingNode = new ArrayList<>();
        List<Double> gammaOfFrozenNode = new ArrayList<>();
        List<Double> gammaOfMovingNode = new ArrayList<>();
        try (OneStageJob job = new OneStageJob(config, Harness.dataset(), new OpsPlugin().operations(),
                new Harness.ScriptedSolver(), engine, 7, ProgressListener.NONE)) {
            ToyEngine.ToySuperNet net = (ToyEngine.ToySuperNet) job.network();
            ProgressListener probe = new ProgressListener() {
                @Override
                public void epochFinished(EpochReport report) {
                    bOfFrozenNode.add(net.compressedCode(CellType.REDUCE, 2));
                    bOfMovingNode.add(net.compressedCode(CellType.REDUCE, 1));
                    gammaOfFrozenNode.add(net.gamma(CellType.REDUCE, 2));
                    gammaOfMovingNode.add(net.gamma(CellType.REDUCE, 1));
                }
            };
            new TrainingLoop(folder, probe, 0, 2).run(job, false);
            assertThat(job.searchEpochs()).isEqualTo(5);
            assertThat(job.epochs()).isEqualTo(7);
        }

        assertThat(engine.events).containsExactly(
                "freeze normal_n2 @8", "release normal_n2 @8", "freeze normal_n4 @8", "release normal_n4 @8",
                "freeze reduce_n2 @8", "release reduce_n2 @8", "freeze reduce_n4 @8", "release reduce_n4 @8",
                "freeze normal_n3 @20", "release normal_n3 @20", "freeze normal_n5 @20", "release normal_n5 @20",
                "freeze reduce_n3 @20", "release reduce_n3 @20", "freeze reduce_n5 @20", "release reduce_n5 @20");
        assertThat(Harness.column(folder, "searching")).containsExactly("8.0", "4.0", "4.0", "4.0", "0.0", "0.0", "0.0");
        assertThat(Harness.column(folder, "searching_nodes")).containsExactly(
                "normal_n2+normal_n3+normal_n4+normal_n5+reduce_n2+reduce_n3+reduce_n4+reduce_n5",
                "normal_n3+normal_n5+reduce_n3+reduce_n5", "normal_n3+normal_n5+reduce_n3+reduce_n5",
                "normal_n3+normal_n5+reduce_n3+reduce_n5", "-", "-", "-");
        assertThat(Harness.column(folder, "phase")).containsExactly("0.0", "0.0", "0.0", "0.0", "0.0", "1.0", "1.0");
        // constant lr 0.025 while searching, then cosine over the 2 retrain epochs; drop-path 0 then 0.2 * r / 2
        assertThat(Harness.column(folder, "lr")).containsExactly("0.025", "0.025", "0.025", "0.025", "0.025",
                "0.025", Double.toString(0.025 * (1 + Math.cos(Math.PI / 2)) / 2));
        assertThat(Harness.column(folder, "drop_path")).containsExactly("0.0", "0.0", "0.0", "0.0", "0.0", "0.0", "0.1");

        // b of reduce_n4 trains in epochs 0-1 and never after its freeze at the start of epoch 2
        assertThat(bOfFrozenNode.get(0)).isNotEqualTo(bOfFrozenNode.get(1));
        for (int e = 2; e < 7; e++) {
            assertThat(bOfFrozenNode.get(e)).containsExactly(bOfFrozenNode.get(1));
        }
        // its BN affine parameters are held at gamma = 1 until released, then train
        assertThat(gammaOfFrozenNode.subList(0, 2)).containsOnly(1.0);
        assertThat(gammaOfFrozenNode.get(2)).isNotEqualTo(1.0);
        // the node still searching keeps training b and keeps gamma = 1 until the cap fixes it
        assertThat(bOfMovingNode.get(3)).isNotEqualTo(bOfMovingNode.get(4));
        assertThat(gammaOfMovingNode.subList(0, 5)).containsOnly(1.0);
        assertThat(gammaOfMovingNode.get(5)).isNotEqualTo(1.0);
        for (int e = 5; e < 7; e++) {
            assertThat(bOfMovingNode.get(e)).containsExactly(bOfMovingNode.get(4));
        }
    }

    @Test
    void searchEndsOneEpochAfterTheLastNodeTerminated() throws IOException {
        // every code moves less than epsilon: all nodes flag after epoch 1, freeze at the start of epoch 2, and
        // epoch 2 (which started with every node frozen) is the last search epoch
        OneStageConfig config = Harness.config(List.of("epsilon=1e9", "maxSearchEpochs=50", "retrainEpochs=2"));
        ToyEngine engine = new ToyEngine();
        RunFolder folder = Harness.folder(dir.resolve("run"));
        SearchOutcome outcome = new OneStageStrategy().search(Harness.context(config, folder, engine, Harness.fista(),
                ProgressListener.NONE));
        assertThat(outcome.epochs()).isEqualTo(5);
        assertThat(Harness.column(folder, "phase")).containsExactly("0.0", "0.0", "0.0", "1.0", "1.0");
        assertThat(Harness.column(folder, "searching")).containsExactly("8.0", "0.0", "0.0", "0.0", "0.0");
        assertThat(engine.events).hasSize(16).allMatch(e -> e.endsWith("@8"));
        JsonNode result = JSON.readTree(folder.result().toFile());
        assertThat(result.get("searchEpochs").asInt()).isEqualTo(3);
        assertThat(result.get("terminatedNodes").asInt()).isEqualTo(8);
    }

    @Test
    void foldWritesAnEvaluationFolderWithTheSameAccuracyAndReevaluates() throws IOException {
        OneStageConfig config = Harness.config(List.of("reevaluate=2"));
        ToyEngine engine = new ToyEngine();
        RunFolder folder = Harness.folder(dir.resolve("run"));
        SearchOutcome outcome = new OneStageStrategy().search(Harness.context(config, folder, engine, Harness.fista(),
                ProgressListener.NONE));

        JsonNode result = JSON.readTree(folder.result().toFile());
        assertThat(result.get("strategy").asText()).isEqualTo("one-stage");
        double before = result.get("testAccuracy").asDouble();
        double after = result.get("foldedTestAccuracy").asDouble();
        assertThat(before).isBetween(0.0, 1.0);
        assertThat(after).isEqualTo(before);
        assertThat(result.get("maxAbsLogitDiff").asDouble()).isBetween(0.0, 1e-3);
        assertThat(result.get("testImages").asInt()).isEqualTo(32);
        assertThat(GenotypeJson.read(folder.genotype())).isEqualTo(outcome.genotype());

        // model/ is an ordinary evaluation folder: the evaluation trainer reloads it and measures the same accuracy
        RunFolder model = RunFolder.open(folder.file(FoldedModel.FOLDER));
        assertThat(GenotypeJson.read(model.genotype())).isEqualTo(outcome.genotype());
        Evaluation evaluation = new Evaluation(FoldedModel.evaluationConfig(config), outcome.genotype(),
                Harness.dataset(), ParameterCap.byName(new OpsPlugin().operations()), engine);
        EvaluationResult reloaded = evaluation.testOnly(model, 7);
        assertThat(reloaded.testAccuracy()).isEqualTo(after);
        assertThat(Files.readString(model.config())).contains("oneStageBn: true");

        // re-evaluation: 2 retrainings from scratch, summarised with the run's own result (n = 3)
        JsonNode summary = result.get("reevaluation");
        assertThat(summary.get("n").asInt()).isEqualTo(3);
        List<Double> values = new ArrayList<>();
        summary.get("values").forEach(v -> values.add(v.asDouble()));
        assertThat(values.get(0)).isEqualTo(after);
        for (int i = 1; i <= 2; i++) {
            JsonNode r = JSON.readTree(folder.file(ReEvaluation.PREFIX + i).resolve("result.json").toFile());
            assertThat(values.get(i)).isEqualTo(r.get("testAccuracy").asDouble());
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(summary.get("mean").asDouble()).isCloseTo(mean, within(1e-12));
    }

    @Test
    void parameterCapRejectsEveryCandidateAndKeepsTheInitialCodes() throws IOException {
        // the toy engine counts 100 parameters per conv op per layer: a cap of 1 rejects any architecture with a conv
        OneStageConfig config = Harness.config(List.of("parameterCap=1", "maxSearchEpochs=3", "retrainEpochs=1"));
        RunFolder folder = Harness.folder(dir.resolve("run"));
        new OneStageStrategy().search(Harness.context(config, folder, new ToyEngine(), new Harness.ScriptedSolver(),
                ProgressListener.NONE));
        // the scripted codes choose entries 0 (max_pool@0) and 8 (avg_pool@1): no conv, so nothing is rejected
        assertThat(Harness.column(folder, "accepted")).containsExactly("1.0", "1.0", "1.0", "NaN");

        RunFolder capped = Harness.folder(dir.resolve("capped"));
        new OneStageStrategy().search(Harness.context(Harness.config(List.of("parameterCap=1", "maxSearchEpochs=3",
                "retrainEpochs=1")), capped, new ToyEngine(), new ConvSolver(), ProgressListener.NONE));
        assertThat(Harness.column(capped, "accepted")).containsExactly("0.0", "0.0", "0.0", "NaN");
        List<String> codes = Files.readAllLines(capped.codes());
        int codeLength = 2 * (14 + 21 + 28 + 35); // the code columns; the solver columns follow
        for (int e = 2; e < codes.size(); e++) {
            assertThat(List.of(codes.get(e).split(",")).subList(1, 1 + codeLength))
                    .isEqualTo(List.of(codes.get(1).split(",")).subList(1, 1 + codeLength));
        }
    }

    /** Initial codes without convs, later codes with sep_conv_3x3: every later candidate breaks a cap of 1. */
    static final class ConvSolver implements org.istanas.api.solver.SparseSolver {
        private int calls;

        @Override
        public String name() {
            return "conv";
        }

        @Override
        public String description() {
            return "first 8 codes without convs, then with";
        }

        @Override
        public org.istanas.api.solver.Recovery solve(org.istanas.api.solver.LassoProblem problem) {
            double[] z = new double[problem.columns()];
            z[calls < 8 ? 0 : 3] = 1.0;
            z[8] = 0.5;
            calls++;
            return new org.istanas.api.solver.Recovery(z, 1, 0, true, "conv");
        }
    }

    @Test
    void killedAndResumedRunEndsExactlyAsAnUninterruptedOne() throws IOException {
        List<String> overrides = List.of("epsilon=0.05", "maxSearchEpochs=4", "retrainEpochs=2",
                "checkpointEverySteps=1", "keepCheckpoints=2");
        OneStageConfig config = Harness.config(overrides);
        RunFolder reference = Harness.folder(dir.resolve("reference"));
        new OneStageStrategy().search(Harness.context(config, reference, new ToyEngine(), Harness.fista(),
                ProgressListener.NONE));
        // all nodes terminate after epoch 1; epoch 2 is the last search epoch, 3-4 retrain
        assertThat(Harness.column(reference, "phase")).containsExactly("0.0", "0.0", "0.0", "1.0", "1.0");

        // killed while searching, in the last search epoch (after the freeze) and while retraining
        for (int[] kill : new int[][] {{1, 2}, {2, 0}, {4, 3}}) {
            RunFolder run = Harness.folder(dir.resolve("killed-" + kill[0] + "-" + kill[1]));
            ProgressListener killer = new ProgressListener() {
                @Override
                public void stepFinished(int epoch, int step, int steps, double loss, double accuracy) {
                    if (epoch == kill[0] && step == kill[1]) {
                        throw new IllegalStateException("simulated kill -9");
                    }
                }
            };
            assertThatThrownBy(() -> new OneStageStrategy().search(Harness.context(config, run, new ToyEngine(),
                    Harness.fista(), killer))).hasMessage("simulated kill -9");
            assertThat(run.result()).doesNotExist();
            new OneStageStrategy().resume(Harness.context(config, RunFolder.open(run.root()), new ToyEngine(),
                    Harness.fista(), ProgressListener.NONE));

            assertThat(Harness.metricsWithoutTime(run)).isEqualTo(Harness.metricsWithoutTime(reference));
            assertThat(Files.readAllLines(run.codes())).isEqualTo(Files.readAllLines(reference.codes()));
            assertThat(Files.readString(run.genotype())).isEqualTo(Files.readString(reference.genotype()));
            assertThat(Files.readAllBytes(run.file("model").resolve(Evaluation.MODEL)))
                    .isEqualTo(Files.readAllBytes(reference.file("model").resolve(Evaluation.MODEL)));
            JsonNode a = JSON.readTree(run.result().toFile());
            JsonNode b = JSON.readTree(reference.result().toFile());
            for (String key : List.of("testAccuracy", "foldedTestAccuracy", "maxAbsLogitDiff", "searchEpochs")) {
                assertThat(a.get(key)).as(key).isEqualTo(b.get(key));
            }
        }
    }
}
