package org.istanas.search.toolkit.training;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * One epoch-structured training run as the {@link TrainingLoop} drives it. The job owns the network, optimizers
 * and data; the loop owns the position, the epoch sums, checkpoints, metrics files and progress. For exact resume,
 * everything a step depends on must be either in {@link #writeState} or a pure function of (seed, epoch, step).
 */
public interface TrainingJob {
    /** A name for messages and the checkpoint kind, e.g. {@code two-stage}. */
    String kind();

    int epochs();

    int stepsPerEpoch();

    /** Columns of metrics.csv after {@code epoch}, in the order {@link EpochResult} fills them (metrics, then labels). */
    List<String> metricColumns();

    /** Columns of codes.csv after {@code epoch}; empty for jobs without architecture codes. */
    List<String> codeColumns();

    /** Prepares epoch {@code epoch} to continue at batch {@code startStep} (0 unless resuming mid-epoch). */
    void startEpoch(int epoch, int startStep) throws IOException;

    /** Trains on batch {@code step} of the current epoch. */
    StepOutcome step(int epoch, int step);

    /** Finishes the epoch (validation, recovery, ...) and reports its row. */
    EpochResult finishEpoch(int epoch, EpochTotals totals) throws IOException;

    /** The sizes that decide memory, for an out-of-memory message, e.g. "a 20-cell x 36-channel network at batch 96". */
    default String memorySizes() {
        return kind() + " job";
    }

    void writeState(DataOutputStream out) throws IOException;

    void readState(DataInputStream in) throws IOException;
}
