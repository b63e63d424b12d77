package org.istanas.app.trial;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --executor NAME} and {@code --executor-option KEY=VALUE} of the multi-trial commands (a picocli mixin). */
public final class ExecutorOptions {
    @Option(names = "--executor", paramLabel = "NAME",
            description = "Run the trials as separate processes through this executor: local (child processes on "
                    + "this machine) or slurm (one batch job per trial); see docs/cluster.md.")
    public String executor;

    @Option(names = "--executor-option", paramLabel = "KEY=VALUE",
            description = "Executor option (repeatable): local workers, threads; slurm partition, time, "
                    + "cpus-per-task, mem, gres, account, sbatch-args, ...; attempts (default 3) for any executor.")
    public Map<String, String> executorOptions = new LinkedHashMap<>();

    /** The choice, or null when the trials run in this JVM as before. */
    public ExecutorChoice choice() {
        if (executor == null) {
            if (!executorOptions.isEmpty()) {
                throw new IllegalArgumentException("--executor-option needs --executor NAME");
            }
            return null;
        }
        return new ExecutorChoice(executor, executorOptions);
    }
}
