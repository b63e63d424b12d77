package org.istanas.api.config;

import java.util.ArrayList;
import java.util.List;
import org.istanas.api.UsageException;

/**
 * The keys {@code resume --set KEY=VALUE} may change in the middle of a run: those that the training loop reads
 * afresh from the configuration (learning rates and their floors, clipping, regularisation, how many epochs, how
 * often to checkpoint, solver budgets), never one that shapes the network, the data, the random streams or the
 * recorded state (layers, channels, sparsity, batch size, images, seeds...), which a checkpoint could not match.
 */
public final class ResumeOverrides {
    /** Every key that may change when a run resumes (a configuration type has some of them). */
    public static final List<String> MAY_CHANGE = List.of("learningRate", "learningRateMin", "archLearningRate",
            "gradClip", "weightDecay", "archWeightDecay", "momentum", "epochs", "maxSearchEpochs", "retrainEpochs",
            "checkpointEverySteps", "keepCheckpoints", "loaderWorkers", "solverMaxIterations", "solverTolerance",
            "solverTimeLimitMillis");

    private ResumeOverrides() {
    }

    /** The keys of {@code type} that may change on resume. */
    public static List<String> allowed(Class<?> type) {
        List<String> known = ConfigLoader.knownKeys(type);
        List<String> allowed = new ArrayList<>();
        for (String key : MAY_CHANGE) {
            if (known.contains(key)) {
                allowed.add(key);
            }
        }
        return allowed;
    }

    /**
     * Checks {@code KEY=VALUE} overrides against {@link #allowed}; an unknown key is left to {@link ConfigLoader},
     * which names the known ones.
     *
     * @return the keys, in order
     * @throws UsageException for a key that may not change mid-run, naming it and the ones that may
     */
    public static List<String> check(Class<?> type, List<String> overrides) {
        List<String> known = ConfigLoader.knownKeys(type);
        List<String> allowed = allowed(type);
        List<String> keys = new ArrayList<>();
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("resume --set '" + override + "': expected KEY=VALUE");
            }
            String key = override.substring(0, eq).trim();
            if (known.contains(key) && !allowed.contains(key)) {
                throw new UsageException("resume --set " + key + ": " + key + " cannot change in the middle of a run"
                        + " (the network, the data or the recorded state depend on it; start a new run instead); "
                        + "keys that may change: " + allowed);
            }
            keys.add(key);
        }
        return keys;
    }
}
