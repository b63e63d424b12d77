package org.istanas.search.toolkit.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.run.Checkpoint;
import org.istanas.api.run.CheckpointStore;
import org.istanas.api.run.DivergenceException;
import org.istanas.api.run.EpochReport;
import org.istanas.api.run.MetricsTable;
import org.istanas.api.run.OutOfMemoryException;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;

/**
 * Drives a {@link TrainingJob} through its epochs and owns everything that makes a run resumable and observable:
 * <ul>
 *   <li>a checkpoint before the first step, every {@code checkpointEverySteps} batches and at every epoch end;</li>
 *   <li>resume from the newest readable checkpoint: rows of metrics.csv and codes.csv the checkpoint does not cover
 *       are dropped and produced again, so the files end exactly as in an uninterrupted run;</li>
 *   <li>a non-finite loss stops the run with {@link DivergenceException} before any later checkpoint is written;</li>
 *   <li>progress events for every step and epoch.</li>
 * </ul>
 */
public final class TrainingLoop {
    /** Column appended to metrics.csv with the epoch's wall-clock seconds (excluded from reproducibility checks). */
    public static final String SECONDS = "seconds";

    private final RunFolder folder;
    private final ProgressListener listener;
    private final int checkpointEverySteps;
    private final CheckpointStore store;

    /**
     * @param checkpointEverySteps also checkpoint every this many batches inside an epoch; 0 = at epoch ends only
     * @param keepCheckpoints      how many checkpoint files to retain
     */
    public TrainingLoop(RunFolder folder, ProgressListener listener, int checkpointEverySteps, int keepCheckpoints) {
        this.folder = Objects.requireNonNull(folder, "folder is null");
        this.listener = Objects.requireNonNull(listener, "listener is null");
        if (checkpointEverySteps < 0) {
            throw new IllegalArgumentException("checkpointEverySteps must be >= 0, got " + checkpointEverySteps);
        }
        this.checkpointEverySteps = checkpointEverySteps;
        this.store = new CheckpointStore(folder.checkpoints(), keepCheckpoints);
    }

    /**
     * Loads the newest readable checkpoint of {@code folder} into {@code job} without training, e.g. to score
     * architectures with a run's super-net.
     *
     * @return the epochs trained when the checkpoint was written (mid-epoch checkpoints count the epoch begun)
     * @throws IOException when the folder has no readable checkpoint or it was written by another kind of job
     */
    public static int loadLatest(RunFolder folder, TrainingJob job) throws IOException {
        Checkpoint checkpoint = new CheckpointStore(folder.checkpoints(), Integer.MAX_VALUE).latest()
                .orElseThrow(() -> new IOException("run folder " + folder + " has no readable checkpoint in "
                        + folder.checkpoints()));
        if (!checkpoint.kind().equals(job.kind())) {
            throw new IOException("checkpoint in " + folder + " was written by '" + checkpoint.kind()
                    + "', not by '" + job.kind() + "'");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(checkpoint.payload()))) {
            new EpochTotals().read(in);
            job.readState(in);
        }
        return checkpoint.epoch();
    }

    /**
     * Runs the job from the start ({@code resume = false}) or from the newest checkpoint of the run folder. Running
     * out of memory ends the run with an {@link OutOfMemoryException} (one line: what ran out, the sizes, what to
     * lower); the checkpoints written so far stay, so the run can be resumed.
     */
    public void run(TrainingJob job, boolean resume) throws IOException {
        try {
            runEpochs(job, resume);
        } catch (OutOfMemoryError | RuntimeException e) {
            if (e instanceof OutOfMemoryException || OutOfMemoryException.find(e) == null) {
                throw e;
            }
            throw OutOfMemoryException.of(e, job.memorySizes(), folder);
        }
    }

    private void runEpochs(TrainingJob job, boolean resume) throws IOException {
        List<String> metricHeader = new ArrayList<>();
        metricHeader.add("epoch");
        metricHeader.addAll(job.metricColumns());
        metricHeader.add(SECONDS);
        MetricsTable metrics = new MetricsTable(folder.metrics(), metricHeader);
        MetricsTable codes = null;
        if (!job.codeColumns().isEmpty()) {
            List<String> codeHeader = new ArrayList<>();
            codeHeader.add("epoch");
            codeHeader.addAll(job.codeColumns());
            codes = new MetricsTable(folder.codes(), codeHeader);
        }

        int epoch = 0;
        int step = 0;
        EpochTotals totals = new EpochTotals();
        if (resume && store.files().isEmpty()) {
            // killed after the folder was prepared but before the first checkpoint: nothing was trained yet, so
            // the run starts over with the configuration the folder records
            listener.message("run folder " + folder + " has no checkpoint yet: starting the run from the beginning"
                    + " with its recorded configuration");
            resume = false;
        }
        if (resume) {
            Checkpoint checkpoint = store.latest().orElseThrow(() -> new IOException("run folder " + folder
                    + " has no readable checkpoint in " + folder.checkpoints() + "; start a new run instead"));
            if (!checkpoint.kind().equals(job.kind())) {
                throw new IOException("checkpoint in " + folder + " was written by '" + checkpoint.kind()
                        + "', not by '" + job.kind() + "'");
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(checkpoint.payload()))) {
                totals.read(in);
                job.readState(in);
            }
            epoch = checkpoint.epoch();
            step = checkpoint.step();
            metrics.retainBelow(epoch);
            if (codes != null) {
                codes.retainBelow(epoch);
            }
            listener.message(epoch >= job.epochs() ? "run " + folder + " had finished all " + org.istanas.api.run.Counts.of(job.epochs(), "epoch")
                    : "resuming " + folder + " at epoch " + (epoch + 1) + " batch " + (step + 1));
        } else {
            metrics.retainBelow(0);
            if (codes != null) {
                codes.retainBelow(0);
            }
            save(job, 0, 0, totals);
        }

        int steps = job.stepsPerEpoch();
        for (; epoch < job.epochs(); epoch++, step = 0) {
            long started = System.nanoTime();
            job.startEpoch(epoch, step);
            listener.epochStarted(epoch, job.epochs(), steps);
            for (int k = step; k < steps; k++) {
                StepOutcome outcome = job.step(epoch, k);
                DivergenceException.check(outcome.loss(), "training", epoch, k);
                if (!Double.isNaN(outcome.extra())) {
                    DivergenceException.check(outcome.extra(), "architecture", epoch, k);
                }
                totals.add(outcome);
                listener.stepFinished(epoch, k, steps, totals.meanLoss(), totals.accuracy());
                if (checkpointEverySteps > 0 && (k + 1) % checkpointEverySteps == 0 && k + 1 < steps) {
                    save(job, epoch, k + 1, totals);
                }
            }
            EpochResult result = job.finishEpoch(epoch, totals);
            for (Map.Entry<String, Double> e : result.metrics().entrySet()) {
                if (e.getKey().contains("loss")) {
                    DivergenceException.check(e.getValue(), e.getKey().replace('_', ' '), epoch, steps - 1);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(epoch));
            result.metrics().values().forEach(v -> row.add(MetricsTable.format(v)));
            row.addAll(result.labels().values());
            row.add(MetricsTable.format(seconds, 1));
            metrics.append(row);
            if (codes != null) {
                List<String> codeRow = new ArrayList<>();
                codeRow.add(Integer.toString(epoch));
                result.codes().forEach(v -> codeRow.add(MetricsTable.format(v)));
                codes.append(codeRow);
            }
            totals = new EpochTotals();
            save(job, epoch + 1, 0, totals);
            listener.epochFinished(new EpochReport(epoch, job.epochs(), new LinkedHashMap<>(result.metrics()),
                    result.note(), seconds));
        }
    }

    private void save(TrainingJob job, int epoch, int step, EpochTotals totals) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            totals.write(out);
            job.writeState(out);
        }
        Path file = store.save(new Checkpoint(job.kind(), epoch, step, bytes.toByteArray()));
        listener.checkpointSaved(file, epoch, step);
    }
}
