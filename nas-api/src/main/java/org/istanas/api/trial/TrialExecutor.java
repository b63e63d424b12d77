package org.istanas.api.trial;

import java.io.IOException;
import java.util.Map;
import org.istanas.api.ExtensionPoint;
import org.istanas.api.Named;

/**
 * A back-end that runs trials: {@code local} (child processes), {@code slurm} (batch jobs), or one from a plugin.
 * Chosen by name with {@code --executor NAME}; {@code --executor-option KEY=VALUE} passes the options it declares.
 */
@ExtensionPoint
public interface TrialExecutor extends Named {
    /** The option keys this executor accepts, each with a one-line meaning; any other key is refused. */
    default Map<String, String> options() {
        return Map.of();
    }

    /**
     * Opens a session for one experiment. Must validate {@link TrialEnvironment#options()} (naming the bad key or
     * value) before anything runs.
     */
    TrialSession open(TrialEnvironment environment) throws IOException;
}
