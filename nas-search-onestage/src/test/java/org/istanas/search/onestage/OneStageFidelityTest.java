package org.istanas.search.onestage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.data.ImageShape;
import org.istanas.data.pipeline.Augmentation;
import org.istanas.data.pipeline.ColourJitter;
import org.istanas.api.config.ConfigLoader;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SparseSolver;
import org.istanas.ops.OpsPlugin;
import org.istanas.search.toolkit.training.CosineSchedule;
import org.istanas.search.toolkit.training.TrainingLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13: the one-stage keys that follow the released code (ista_nas_single), each shown to change behaviour. */
final class OneStageFidelityTest {
    @TempDir
    Path dir;

    private List<String> searching(String... overrides) throws IOException {
        OneStageConfig config = Harness.config(List.of(overrides));
        RunFolder folder = Harness.folder(dir.resolve("run-" + String.join("-", overrides).replace('=', '_')));
        try (OneStageJob job = new OneStageJob(config, Harness.dataset(), new OpsPlugin().operations(),
                new Harness.ScriptedSolver(), new ToyEngine(), 7, ProgressListener.NONE)) {
            new TrainingLoop(folder, ProgressListener.NONE, 0, 2).run(job, false);
        }
        return Harness.column(folder, "searching");
    }

    /** ista_nas_single/trainer.py show_selected: the flag is off only for the initial recovery ("epoch 0"). */
    @Test
    void officialTerminationMayFlagANodeAfterTheFirstTrainingEpoch() throws IOException {
        // the scripted nodes 2 and 4 never move: officially they stop after the first epoch, formerly after two
        assertThat(searching("terminationFromEpoch=0").get(0)).isEqualTo("4.0");
        assertThat(searching("terminationFromEpoch=1").get(0)).isEqualTo("8.0");
        assertThat(OneStageConfig.defaults().terminationFromEpoch()).isZero();
    }

    /** ista_nas_single: b is a plain Python list, so clip_grad_norm_(model.parameters()) does not see it. */
    @Test
    void clipNormCoversTheArchitectureOnlyWhenAsked() throws IOException {
        for (boolean withB : new boolean[] {false, true}) {
            OneStageConfig config = Harness.config(List.of("clipArchitectureGradients=" + withB));
            ToyEngine engine = new ToyEngine();
            try (OneStageJob job = new OneStageJob(config, Harness.dataset(), new OpsPlugin().operations(),
                    Harness.fista(), engine, 7, ProgressListener.NONE)) {
                job.startEpoch(0, 0);
                job.step(0, 0);
                long weights = job.network().weights().size();
                long b = job.network().architecture().size();
                assertThat(engine.lastClippedSize).as("clip with b: " + withB).isEqualTo(withB ? weights + b : weights);
            }
        }
        assertThat(OneStageConfig.defaults().clipArchitectureGradients()).isFalse();
    }

    @Test
    void warmStartIsAKey() throws IOException {
        for (boolean warm : new boolean[] {true, false}) {
            List<Boolean> warmStarts = new ArrayList<>();
            SparseSolver recording = new SparseSolver() {
                @Override
                public String name() {
                    return "recording";
                }

                @Override
                public String description() {
                    return "fista, recording whether a warm start was given";
                }

                @Override
                public Recovery solve(LassoProblem problem) {
                    warmStarts.add(problem.warmStart() != null);
                    return Harness.fista().solve(problem);
                }
            };
            OneStageConfig config = Harness.config(List.of("solverWarmStart=" + warm, "maxSearchEpochs=1",
                    "retrainEpochs=0"));
            RunFolder folder = Harness.folder(dir.resolve("warm-" + warm));
            try (OneStageJob job = new OneStageJob(config, Harness.dataset(), new OpsPlugin().operations(),
                    recording, new ToyEngine(), 7, ProgressListener.NONE)) {
                new TrainingLoop(folder, ProgressListener.NONE, 0, 2).run(job, false);
            }
            // 8 initial (cold) solves, then 8 at the end of epoch 0
            assertThat(warmStarts).hasSize(16);
            assertThat(warmStarts.subList(0, 8)).containsOnly(false);
            assertThat(warmStarts.subList(8, 16)).containsOnly(warm);
            // codes.csv records every node's solve: iterations, duality gap, converged
            List<String> lines = Files.readAllLines(folder.codes());
            List<String> header = List.of(lines.get(0).split(","));
            String[] row = lines.get(1).split(",", -1);
            for (String node : List.of("normal_n2", "reduce_n5")) {
                assertThat(Double.parseDouble(row[header.indexOf(node + "_iterations")])).isPositive();
                assertThat(Double.parseDouble(row[header.indexOf(node + "_gap")])).isBetween(0.0, 1e-9);
                assertThat(row[header.indexOf(node + "_converged")]).isEqualTo("1.0");
            }
        }
    }

    /** tools/evaluation_imagenet.py (PC-DARTS's script): lr_0 (r+1)/5 replaces the schedule for 5 epochs. */
    @Test
    void warmUpScalesTheFirstRetrainEpochs() {
        RetrainSchedule plain = new RetrainSchedule("linear", 0.5, 0.0, 250, 0.0, 0);
        RetrainSchedule warm = new RetrainSchedule("linear", 0.5, 0.0, 250, 0.0, 5);
        assertThat(warm.learningRate(0)).isCloseTo(0.5 * 1 / 5, within(1e-15));
        assertThat(warm.learningRate(3)).isCloseTo(0.5 * 4 / 5, within(1e-15));
        assertThat(warm.learningRate(5)).isEqualTo(plain.learningRate(5));
        assertThat(plain.learningRate(0)).isEqualTo(0.5);
    }

    @Test
    void officialPresetRetrainsDownTo0001AndPaperToZero() {
        OneStageConfig official = OneStagePresets.record("official");
        OneStageConfig paper = OneStagePresets.record("paper");
        assertThat(official.learningRateMin()).isEqualTo(0.001);
        assertThat(paper.learningRateMin()).isEqualTo(0.0);
        RetrainSchedule last = RetrainSchedule.of(official);
        assertThat(last.learningRate(official.retrainEpochs() - 1)).isCloseTo(
                new CosineSchedule(0.025, 0.001, 600).at(599), within(1e-15));
        assertThat(new OneStageStrategy().presetBase("smoke")).contains("paper");
        assertThat(ConfigLoader.load(OneStageConfig.class, OneStagePresets.get("official"), null, List.of())
                .updateOpsOutsideSupport()).isTrue();
    }

    /** tools/evaluation_imagenet.py (PC-DARTS's script): ColorJitter(0.4, 0.4, 0.4, 0.2) on the training images. */
    @Test
    void colourJitterIsAKeyAndTheImagenetOfficialPresetSetsIt() throws IOException {
        ImageDataset dataset = Harness.dataset();
        assertThat(OneStageJob.trainingAugmentation(OneStagePresets.record("paper"), dataset).colourJitter().isNone())
                .isTrue();
        assertThat(OneStagePresets.record("imagenet-official").jitter()).isEqualTo(ColourJitter.pcDarts());
        assertThat(OneStagePresets.record("imagenet-official").warmupEpochs()).isEqualTo(5);
        assertThat(OneStagePresets.record("imagenet").jitter().isNone()).isTrue();

        // brightness only: every pixel of the same crop and flip is scaled by one factor f in [0.5, 1.5]
        ImageShape shape = dataset.shape();
        float[] image = new float[shape.size()];
        dataset.train().readImage(0, image, 0);
        float[] plain = augmented(Harness.config(List.of("augment=true")), dataset, image);
        float[] bright = augmented(Harness.config(List.of("augment=true", "colourJitter=[0.5, 0, 0, 0]")), dataset,
                image);
        float[] mean = dataset.mean();
        float[] std = dataset.std();
        int plane = shape.height() * shape.width();
        double factor = Double.NaN;
        int compared = 0;
        for (int i = 0; i < plain.length; i++) {
            int c = i / plane;
            double x = plain[i] * std[c] + mean[c];
            double y = bright[i] * std[c] + mean[c];
            if (x > 0.05 && x < 0.6) { // away from zero (cutout, padding) and from the clamp at 1
                if (Double.isNaN(factor)) {
                    factor = y / x;
                }
                assertThat(y / x).as("pixel " + i).isCloseTo(factor, within(1e-3));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100);
        assertThat(factor).isBetween(0.5, 1.5).isNotCloseTo(1.0, within(1e-6));
        assertThatThrownBy(() -> Harness.config(List.of("colourJitter=[0.4, 0.4]")))
                .hasStackTraceContaining("colourJitter must have 4 values");
        assertThatThrownBy(() -> Harness.config(List.of("colourJitter=[0, 0, 0, 0.7]")))
                .hasStackTraceContaining("colourJitter [0.0, 0.0, 0.0, 0.7]").hasStackTraceContaining("hue");
    }

    private static float[] augmented(OneStageConfig config, ImageDataset dataset, float[] image) {
        Augmentation augmentation = OneStageJob.trainingAugmentation(config, dataset).withCutout(0);
        ImageShape out = augmentation.outputShape(dataset.shape());
        float[] result = new float[out.size()];
        augmentation.apply(image, dataset.shape(), dataset.mean(), dataset.std(), new Random(3), result, 0);
        return result;
    }
}
