package org.istanas.search.toolkit.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.istanas.api.run.CheckpointStore;
import org.istanas.api.run.DivergenceException;
import org.istanas.api.run.MetricsTable;
import org.istanas.api.run.OutOfMemoryException;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TrainingLoopTest {
    @TempDir
    Path dir;

    /**
     * Least-squares regression y = w.x trained by SGD with momentum on a seeded stream of samples: a small real
     * training job whose every step depends on the state the checkpoint must carry (w and the momentum buffer).
     */
    static final class RegressionJob implements TrainingJob {
        private static final double[] TRUE_W = {1.5, -2.0, 0.5};
        private final long seed;
        private final double learningRate;
        private final int nanAtGlobalStep;
        double[] w = new double[3];
        double[] velocity = new double[3];

        RegressionJob(long seed, double learningRate, int nanAtGlobalStep) {
            this.seed = seed;
            this.learningRate = learningRate;
            this.nanAtGlobalStep = nanAtGlobalStep;
        }

        @Override
        public String kind() {
            return "regression";
        }

        @Override
        public int epochs() {
            return 4;
        }

        @Override
        public int stepsPerEpoch() {
            return 6;
        }

        @Override
        public List<String> metricColumns() {
            return List.of("train_loss", "w0");
        }

        @Override
        public List<String> codeColumns() {
            return List.of("w0", "w1", "w2");
        }

        @Override
        public void startEpoch(int epoch, int startStep) {
        }

        @Override
        public StepOutcome step(int epoch, int step) {
            int global = epoch * stepsPerEpoch() + step;
            SplittableRandom random = new SplittableRandom(seed * 1_000 + global);
            double[] grad = new double[3];
            double loss = 0;
            int correct = 0;
            int batch = 8;
            for (int i = 0; i < batch; i++) {
                double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
                double y = dot(TRUE_W, x) + 0.1 * random.nextGaussian();
                double err = dot(w, x) - y;
                loss += err * err / batch;
                correct += Math.abs(err) < 0.5 ? 1 : 0;
                for (int d = 0; d < 3; d++) {
                    grad[d] += 2 * err * x[d] / batch;
                }
            }
            for (int d = 0; d < 3; d++) {
                velocity[d] = 0.9 * velocity[d] + grad[d];
                w[d] -= learningRate * velocity[d];
            }
            return StepOutcome.of(global == nanAtGlobalStep ? Double.NaN : loss, correct, batch);
        }

        @Override
        public EpochResult finishEpoch(int epoch, EpochTotals totals) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("train_loss", totals.meanLoss());
            m.put("w0", w[0]);
            return new EpochResult(m, Map.of(), List.of(w[0], w[1], w[2]), "");
        }

        @Override
        public void writeState(DataOutputStream out) throws IOException {
            for (int d = 0; d < 3; d++) {
                out.writeDouble(w[d]);
                out.writeDouble(velocity[d]);
            }
        }

        @Override
        public void readState(DataInputStream in) throws IOException {
            for (int d = 0; d < 3; d++) {
                w[d] = in.readDouble();
                velocity[d] = in.readDouble();
            }
        }

        private static double dot(double[] a, double[] b) {
            return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
        }
    }

    /** Throws at the first checkpoint written inside epoch {@code epoch}: the process "dies" there, no clean-up. */
    static final class KillAfterCheckpoint implements ProgressListener {
        private final int epoch;

        KillAfterCheckpoint(int epoch) {
            this.epoch = epoch;
        }

        @Override
        public void checkpointSaved(Path file, int e, int step) {
            if (e == epoch && step > 0) {
                throw new SimulatedKill();
            }
        }
    }

    static final class SimulatedKill extends RuntimeException {
    }

    @Test
    void resumedRunEndsExactlyLikeAnUninterruptedOne() throws IOException {
        RunFolder whole = RunFolder.create(dir.resolve("whole"));
        RegressionJob reference = new RegressionJob(7, 0.05, -1);
        new TrainingLoop(whole, ProgressListener.NONE, 4, 2).run(reference, false);

        RunFolder killed = RunFolder.create(dir.resolve("killed"));
        assertThatThrownBy(() -> new TrainingLoop(killed, new KillAfterCheckpoint(2), 4, 2)
                .run(new RegressionJob(7, 0.05, -1), false)).isInstanceOf(SimulatedKill.class);
        assertThat(metricsWithoutTime(killed)).hasSize(2);

        RegressionJob resumed = new RegressionJob(7, 0.05, -1);
        new TrainingLoop(killed, ProgressListener.NONE, 4, 2).run(resumed, true);

        assertThat(resumed.w).containsExactly(reference.w);
        assertThat(metricsWithoutTime(killed)).isEqualTo(metricsWithoutTime(whole)).hasSize(4);
        assertThat(new MetricsTable(killed.codes(), List.of("epoch", "w0", "w1", "w2")).rows())
                .isEqualTo(new MetricsTable(whole.codes(), List.of("epoch", "w0", "w1", "w2")).rows());
        // the job really learned: the last epoch's loss is far below the first one's
        List<List<String>> rows = metricsWithoutTime(whole);
        assertThat(Double.parseDouble(rows.get(3).get(1))).isLessThan(Double.parseDouble(rows.get(0).get(1)) / 4);
    }

    /** The regression job, but global step {@code oomAt} fails the way ND4J does when JavaCPP's limit is hit. */
    static final class OutOfMemoryJob implements TrainingJob {
        private final RegressionJob inner;
        private final int oomAt;

        OutOfMemoryJob(RegressionJob inner, int oomAt) {
            this.inner = inner;
            this.oomAt = oomAt;
        }

        @Override
        public String kind() {
            return inner.kind();
        }

        @Override
        public int epochs() {
            return inner.epochs();
        }

        @Override
        public int stepsPerEpoch() {
            return inner.stepsPerEpoch();
        }

        @Override
        public List<String> metricColumns() {
            return inner.metricColumns();
        }

        @Override
        public List<String> codeColumns() {
            return inner.codeColumns();
        }

        @Override
        public void startEpoch(int epoch, int startStep) {
            inner.startEpoch(epoch, startStep);
        }

        @Override
        public StepOutcome step(int epoch, int step) {
            if (epoch * stepsPerEpoch() + step == oomAt) {
                // JavaCPP's Pointer throws this pair (message text as in istanas issue 19)
                OutOfMemoryError cause = new OutOfMemoryError("Physical memory usage is too high: physicalBytes"
                        + " (21091M) > maxPhysicalBytes (21091M)");
                OutOfMemoryError error = new OutOfMemoryError("Cannot allocate new LongPointer(4): totalBytes = 9G,"
                        + " physicalBytes = 20G");
                error.initCause(cause);
                throw error;
            }
            return inner.step(epoch, step);
        }

        @Override
        public EpochResult finishEpoch(int epoch, EpochTotals totals) {
            return inner.finishEpoch(epoch, totals);
        }

        @Override
        public String memorySizes() {
            return "a 20-cell x 36-channel network at batch 96";
        }

        @Override
        public void writeState(DataOutputStream out) throws IOException {
            inner.writeState(out);
        }

        @Override
        public void readState(DataInputStream in) throws IOException {
            inner.readState(in);
        }
    }

    @Test
    void outOfMemoryGivesOneLineWithLimitSizesAndRemedyAndTheRunResumes() throws IOException {
        RunFolder whole = RunFolder.create(dir.resolve("whole-oom"));
        RegressionJob reference = new RegressionJob(5, 0.05, -1);
        new TrainingLoop(whole, ProgressListener.NONE, 0, 2).run(reference, false);

        RunFolder folder = RunFolder.create(dir.resolve("oom"));
        // global step 14 = epoch 2, batch 3: the checkpoint of the end of epoch 2 (index 1) is the last one
        assertThatThrownBy(() -> new TrainingLoop(folder, ProgressListener.NONE, 0, 2)
                .run(new OutOfMemoryJob(new RegressionJob(5, 0.05, -1), 14), false))
                .isInstanceOf(OutOfMemoryException.class)
                .hasCauseInstanceOf(OutOfMemoryError.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("\n")
                        .contains("off-heap (native) memory: physicalBytes (21091M) > maxPhysicalBytes (21091M)")
                        .contains("a 20-cell x 36-channel network at batch 96")
                        .contains("--set batchSize=").contains("--set channels=")
                        .contains("istanas resume --run " + folder.root()));
        assertThat(metricsWithoutTime(folder)).hasSize(2);

        RegressionJob resumed = new RegressionJob(5, 0.05, -1);
        new TrainingLoop(folder, ProgressListener.NONE, 0, 2).run(resumed, true);
        assertThat(resumed.w).containsExactly(reference.w);
        assertThat(metricsWithoutTime(folder)).isEqualTo(metricsWithoutTime(whole));
    }

    @Test
    void otherFailuresAreNotReportedAsOutOfMemory() throws IOException {
        RunFolder folder = RunFolder.create(dir.resolve("other"));
        assertThatThrownBy(() -> new TrainingLoop(folder, new KillAfterCheckpoint(1), 2, 2)
                .run(new RegressionJob(1, 0.05, -1), false)).isInstanceOf(SimulatedKill.class);
    }

    /** Issue 15 item 4: a run killed before its first checkpoint was neither resumable nor reusable. */
    @Test
    void resumeOfAFolderWithoutCheckpointStartsTheRunFromTheBeginning() throws IOException {
        RunFolder whole = RunFolder.create(dir.resolve("whole"));
        RegressionJob reference = new RegressionJob(7, 0.05, -1);
        new TrainingLoop(whole, ProgressListener.NONE, 0, 2).run(reference, false);

        // killed after config.yaml and provenance.json, before the first checkpoint (even a stray metrics row)
        RunFolder killed = RunFolder.create(dir.resolve("killed"));
        java.nio.file.Files.writeString(killed.metrics(), "epoch,train_loss,w0,seconds\n");
        List<String> messages = new java.util.ArrayList<>();
        RegressionJob resumed = new RegressionJob(7, 0.05, -1);
        new TrainingLoop(killed, new ProgressListener() {
            @Override
            public void message(String text) {
                messages.add(text);
            }
        }, 0, 2).run(resumed, true);
        assertThat(resumed.w).containsExactly(reference.w);
        assertThat(metricsWithoutTime(killed)).isEqualTo(metricsWithoutTime(whole));
        assertThat(messages).anyMatch(m -> m.contains("has no checkpoint") && m.contains("from the beginning"));
    }

    @Test
    void resumeRefusesWhenCheckpointsExistButNoneIsReadable() throws IOException {
        RunFolder folder = RunFolder.create(dir.resolve("damaged"));
        new TrainingLoop(folder, ProgressListener.NONE, 0, 2).run(new RegressionJob(7, 0.05, -1), false);
        for (Path file : new CheckpointStore(folder.checkpoints(), 2).files()) {
            java.nio.file.Files.write(file, new byte[] {1, 2, 3});
        }
        assertThatThrownBy(() -> new TrainingLoop(folder, ProgressListener.NONE, 0, 2)
                .run(new RegressionJob(7, 0.05, -1), true)).isInstanceOf(IOException.class)
                .hasMessageContaining("has no readable checkpoint");
    }

    @Test
    void resumingTwiceFromAFinishedRunChangesNothing() throws IOException {
        RunFolder folder = RunFolder.create(dir.resolve("done"));
        RegressionJob job = new RegressionJob(3, 0.05, -1);
        new TrainingLoop(folder, ProgressListener.NONE, 0, 1).run(job, false);
        List<List<String>> before = metricsWithoutTime(folder);
        RegressionJob again = new RegressionJob(3, 0.05, -1);
        new TrainingLoop(folder, ProgressListener.NONE, 0, 1).run(again, true);
        assertThat(metricsWithoutTime(folder)).isEqualTo(before);
        assertThat(again.w).containsExactly(job.w);
    }

    @Test
    void nonFiniteLossStopsAndKeepsTheLastGoodCheckpoint() throws IOException {
        RunFolder folder = RunFolder.create(dir.resolve("nan"));
        // global step 9 = epoch 1, batch 3; checkpoints every 2 batches: last good one is epoch 1 step 2
        assertThatThrownBy(() -> new TrainingLoop(folder, ProgressListener.NONE, 2, 5)
                .run(new RegressionJob(1, 0.05, 9), false))
                .isInstanceOf(DivergenceException.class)
                .hasMessageContaining("training loss is NaN at epoch 2 batch 4");
        var latest = new CheckpointStore(folder.checkpoints(), 5).latest().orElseThrow();
        assertThat(latest.epoch()).isEqualTo(1);
        assertThat(latest.step()).isEqualTo(2);
        assertThat(metricsWithoutTime(folder)).hasSize(1);
    }

    private static List<List<String>> metricsWithoutTime(RunFolder folder) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : new MetricsTable(folder.metrics(),
                List.of("epoch", "train_loss", "w0", TrainingLoop.SECONDS)).rows()) {
            rows.add(row.subList(0, row.size() - 1));
        }
        return rows;
    }
}
