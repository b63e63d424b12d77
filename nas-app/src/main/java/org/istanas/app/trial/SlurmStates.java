package org.istanas.app.trial;

import java.util.Locale;
import org.istanas.api.trial.TrialState;

/**
 * What each Slurm job state becomes here (docs/cluster.md has the table). Ended states other than COMPLETED are
 * decided with the trial's exit record: a command that failed by itself is FAILED whatever Slurm says; a job
 * stopped from outside (cancelled, timed out, preempted, node failure, out of memory) recorded nothing and is
 * INTERRUPTED, so it is retried as a resume.
 */
final class SlurmStates {
    private SlurmStates() {
    }

    /** The driver's state for a Slurm state, or null for an ended state (decided by the exit record). */
    static TrialState of(String slurmState) {
        String s = slurmState.trim().toUpperCase(Locale.ROOT);
        int space = s.indexOf(' ');
        if (space > 0) {
            s = s.substring(0, space); // "CANCELLED by 0"
        }
        return switch (s) {
            case "PENDING", "CONFIGURING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "RESV_DEL_HOLD", "SUSPENDED",
                 "STOPPED", "RESIZING", "SIGNALING", "STAGE_OUT", "SPECIAL_EXIT" -> TrialState.PENDING;
            case "RUNNING", "COMPLETING" -> TrialState.RUNNING;
            default -> null; // COMPLETED, FAILED, CANCELLED, TIMEOUT, PREEMPTED, NODE_FAIL, BOOT_FAIL, DEADLINE,
                             // OUT_OF_MEMORY, REVOKED
        };
    }
}
