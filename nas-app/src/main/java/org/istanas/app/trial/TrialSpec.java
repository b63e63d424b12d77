package org.istanas.app.trial;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One trial of an experiment: an {@code istanas} command line that writes one run folder.
 *
 * @param id        unique within the experiment, e.g. {@code search-0}; names the trial's files
 * @param arguments the command line of a first attempt (a retry of a checkpointed run is {@code resume --run DIR})
 * @param runFolder the run folder the command writes
 * @param after     ids of the trials that must have succeeded first (an evaluation waits for its search)
 */
public record TrialSpec(String id, List<String> arguments, Path runFolder, List<String> after) {
    public TrialSpec {
        Objects.requireNonNull(id, "id is null");
        if (!id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("trial id '" + id + "' must be letters, digits, '.', '_' or '-'");
        }
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(runFolder, "runFolder is null");
        after = List.copyOf(after);
    }
}
