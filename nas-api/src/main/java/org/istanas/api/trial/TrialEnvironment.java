package org.istanas.api.trial;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What an executor gets to run the trials of one experiment.
 *
 * @param experimentFolder the experiment folder (scripts, logs and the trial ledger are under it)
 * @param launch           how to start this project's command line
 * @param options          the {@code --executor-option} values (keys among {@link TrialExecutor#options()})
 */
public record TrialEnvironment(Path experimentFolder, TrialLaunch launch, Map<String, String> options) {
    public TrialEnvironment {
        Objects.requireNonNull(experimentFolder, "experimentFolder is null");
        Objects.requireNonNull(launch, "launch is null");
        options = Map.copyOf(options);
    }

    /** The option {@code key}, or {@code fallback} when not given. */
    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /** A positive integer option, with a message naming the key and the value otherwise. */
    public int intOption(String key, int fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--executor-option " + key + "=" + value + ": expected a whole number >= 1");
    }
}
