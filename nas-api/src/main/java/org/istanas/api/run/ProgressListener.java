package org.istanas.api.run;

import java.nio.file.Path;
import java.util.List;

/**
 * Hears the progress of a search or a training run. All methods have empty defaults, so a listener overrides only
 * what it needs. Called on the training thread: keep implementations quick. A listener that throws stops the run
 * at that point without any clean-up, exactly as a killed process would (tests use this to simulate kill -9).
 */
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
    };

    default void runStarted(String title, int epochs) {
    }

    default void epochStarted(int epoch, int epochs, int steps) {
    }

    /** After batch {@code step} (0-based) of {@code steps}, with the running mean loss and accuracy of the epoch. */
    default void stepFinished(int epoch, int step, int steps, double loss, double accuracy) {
    }

    default void epochFinished(EpochReport report) {
    }

    /** After a checkpoint was written; {@code epoch}/{@code step} say where training will continue from it. */
    default void checkpointSaved(Path file, int epoch, int step) {
    }

    /** A line for the user (e.g. "resuming from epoch 3 step 40"). */
    default void message(String text) {
    }

    default void runFinished(String summary) {
    }

    /** Forwards every event to each listener in order. */
    static ProgressListener all(List<ProgressListener> listeners) {
        List<ProgressListener> copy = List.copyOf(listeners);
        return new ProgressListener() {
            @Override
            public void runStarted(String title, int epochs) {
                copy.forEach(l -> l.runStarted(title, epochs));
            }

            @Override
            public void epochStarted(int epoch, int epochs, int steps) {
                copy.forEach(l -> l.epochStarted(epoch, epochs, steps));
            }

            @Override
            public void stepFinished(int epoch, int step, int steps, double loss, double accuracy) {
                copy.forEach(l -> l.stepFinished(epoch, step, steps, loss, accuracy));
            }

            @Override
            public void epochFinished(EpochReport report) {
                copy.forEach(l -> l.epochFinished(report));
            }

            @Override
            public void checkpointSaved(Path file, int epoch, int step) {
                copy.forEach(l -> l.checkpointSaved(file, epoch, step));
            }

            @Override
            public void message(String text) {
                copy.forEach(l -> l.message(text));
            }

            @Override
            public void runFinished(String summary) {
                copy.forEach(l -> l.runFinished(summary));
            }
        };
    }
}
