package org.istanas.app.trial;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.api.trial.TrialEnvironment;
import org.istanas.api.trial.TrialExecutor;
import org.istanas.api.trial.TrialSession;

/**
 * An executor chosen by name with its options, and the running of an experiment's trials through it. The option
 * {@code attempts} (default {@value #DEFAULT_ATTEMPTS}) belongs to the driver and is accepted by every executor.
 *
 * @param name    the executor's name
 * @param options its {@code --executor-option} values
 */
public record ExecutorChoice(String name, Map<String, String> options) {
    public static final int DEFAULT_ATTEMPTS = 3;
    public static final String ATTEMPTS = "attempts";

    public ExecutorChoice {
        Objects.requireNonNull(name, "name is null");
        options = Map.copyOf(options);
    }

    /** The executor, with every option checked against the ones it declares. */
    public TrialExecutor resolve(PluginCatalog catalog) {
        TrialExecutor executor = catalog.executor(name);
        Set<String> known = new TreeSet<>(executor.options().keySet());
        known.add(ATTEMPTS);
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("--executor-option " + key + ": executor '" + name
                        + "' has no such option; known: " + known);
            }
        }
        return executor;
    }

    /**
     * Runs {@code trials} in {@code experiment}, printing a line per state change on {@code progress} and the final
     * table on {@code out}.
     *
     * @throws IOException when a trial failed or was skipped, naming each one and why
     */
    public TrialLedger run(PluginCatalog catalog, Path experiment, List<TrialSpec> trials, PrintWriter out,
                           PrintWriter progress) throws IOException {
        TrialExecutor executor = resolve(catalog);
        Map<String, String> own = new LinkedHashMap<>(options);
        own.remove(ATTEMPTS);
        int attempts = attempts();
        try (TrialSession session = executor.open(new TrialEnvironment(experiment, JvmLaunch.current(), own))) {
            return runIn(session, executor.name(), attempts, experiment, trials, out, progress);
        }
    }

    /**
     * Runs {@code trials} through an open {@code session}, then prints the table on {@code out}.
     *
     * @throws IOException when a trial failed or was skipped, naming each one and why
     */
    public static TrialLedger runIn(TrialSession session, String executorName, int attempts, Path experiment,
                                    List<TrialSpec> trials, PrintWriter out, PrintWriter progress) throws IOException {
        TrialLedger ledger = new TrialScheduler(experiment, session, executorName, attempts, line -> {
            progress.println(line);
            progress.flush();
        }).run(trials);
        out.println();
        TrialTable.print(out, ledger);
        List<String> problems = TrialTable.problems(ledger);
        if (!problems.isEmpty()) {
            throw new IOException(problems.size() + " of " + trials.size() + " trials did not succeed:\n  "
                    + String.join("\n  ", problems) + "\nfix the cause and run the same command again: finished "
                    + "trials are kept");
        }
        return ledger;
    }

    /** The {@code attempts} option, or the default. */
    public int attempts() {
        String value = options.get(ATTEMPTS);
        return new TrialEnvironment(Path.of("."), JvmLaunch.current(),
                value == null ? Map.of() : Map.of(ATTEMPTS, value)).intOption(ATTEMPTS, DEFAULT_ATTEMPTS);
    }
}
