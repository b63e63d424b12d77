package org.istanas.app.trial;

import java.util.List;
import org.istanas.api.spi.NasPlugin;
import org.istanas.api.trial.TrialExecutor;

/** The built-in trial executors, registered like any plugin's contributions. */
public final class ExecutorPlugin implements NasPlugin {
    @Override
    public List<TrialExecutor> trialExecutors() {
        return List.of(new LocalTrialExecutor(), new SlurmTrialExecutor());
    }
}
