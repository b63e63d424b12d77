package org.istanas.api.trial;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One attempt at a trial: the command-line arguments of {@code istanas} (e.g. {@code search ... --out DIR}, or
 * {@code resume --run DIR} for a retry), and the files of the attempt in the experiment folder.
 *
 * @param trialId   the trial's name within the experiment, e.g. {@code search-3}
 * @param number    1 for the first attempt, 2 for the first retry, ...
 * @param arguments the arguments of the {@code istanas} command line
 * @param runFolder the run folder the trial writes
 * @param script    the shell script that runs the attempt (written by the driver, readable and rerunnable by hand)
 * @param log       standard output and error of the attempt
 * @param exitFile  where the script records the command's exit code when the command ends by itself
 */
public record TrialAttempt(String trialId, int number, List<String> arguments, Path runFolder, Path script, Path log,
                           Path exitFile) {
    public TrialAttempt {
        Objects.requireNonNull(trialId, "trialId is null");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(runFolder, "runFolder is null");
        Objects.requireNonNull(script, "script is null");
        Objects.requireNonNull(log, "log is null");
        Objects.requireNonNull(exitFile, "exitFile is null");
        if (number < 1) {
            throw new IllegalArgumentException("attempt number must be >= 1, got " + number);
        }
    }
}
