package org.istanas.api.trial;

import java.io.IOException;

/**
 * One experiment's connection to an executor. Handles outlive the driver: a driver started again on the same
 * experiment folder observes the handles an earlier driver recorded, so that nothing is submitted twice.
 */
public interface TrialSession extends AutoCloseable {
    /** How many trials may be submitted and not yet finished at once. */
    int capacity();

    /** Starts {@code attempt} (its script is already written) and returns the handle to observe it by. */
    TrialHandle submit(TrialAttempt attempt) throws IOException;

    /**
     * The handle of an attempt whose submission a killed driver may have made without recording it (found e.g. by
     * job name), or empty; the driver then submits it.
     */
    default java.util.Optional<TrialHandle> find(TrialAttempt attempt) throws IOException {
        return java.util.Optional.empty();
    }

    /** The current state of an attempt submitted by this driver or an earlier one. */
    TrialObservation observe(TrialHandle handle, TrialAttempt attempt) throws IOException;

    /** Stops an attempt; observing it afterwards gives a terminal state. */
    void cancel(TrialHandle handle) throws IOException;

    /** Seconds between two observations of the running trials. */
    default double pollSeconds() {
        return 1.0;
    }

    @Override
    default void close() throws IOException {
    }
}
