package org.istanas.api.trial;

import java.util.Objects;

/**
 * How an executor finds a submitted attempt again: a Slurm job id, or a process id with its start time (so that a
 * reused pid is not mistaken for the trial).
 *
 * @param id     job id or process id, as the executor prints it
 * @param detail what else the executor needs to recognise it (may be empty)
 */
public record TrialHandle(String id, String detail) {
    public TrialHandle {
        Objects.requireNonNull(id, "id is null");
        detail = detail == null ? "" : detail;
    }
}
