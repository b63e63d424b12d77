package org.istanas.api.trial;

/** What the driver makes of an attempt's state, whatever the back-end calls it. */
public enum TrialState {
    /** Submitted, waiting for resources (Slurm PENDING, CONFIGURING). */
    PENDING,
    /** Running (Slurm RUNNING, COMPLETING; a live process). */
    RUNNING,
    /** The command ended with exit code 0. */
    SUCCEEDED,
    /** The command ended by itself with a failure (bad configuration, divergence): not retried. */
    FAILED,
    /**
     * Stopped from outside: cancelled, timed out, preempted, node failure, killed by a signal, or lost (no record of
     * its end). Retried as a resume of its run folder while attempts remain.
     */
    INTERRUPTED;

    /** Whether the attempt has ended. */
    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == INTERRUPTED;
    }
}
