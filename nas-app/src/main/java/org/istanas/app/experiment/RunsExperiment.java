package org.istanas.app.experiment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.istanas.api.run.AtomicFiles;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.app.trial.ExecutorChoice;
import org.istanas.app.trial.TrialLedger;
import org.istanas.app.trial.TrialSpec;

/**
 * The parent folder of {@code search --runs N} or {@code evaluate --seeds N} as a resumable experiment. {@code
 * experiment.json} records the kind, N and the command line every run shares; run i is that command line with
 * {@code --run-index i --out PARENT/run-i}, which gives it exactly the seed and provenance it has when the N runs
 * are made in one go. A crash in run k leaves a folder that {@code resume --run PARENT} (or the same command again)
 * finishes: finished runs are kept, the interrupted one resumed from its checkpoint, the missing ones started.
 */
public final class RunsExperiment {
    public static final String FILE = "experiment.json";
    public static final String SEARCH_RUNS = "search-runs";
    public static final String EVALUATE_SEEDS = "evaluate-seeds";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The content of experiment.json. */
    public static final class Definition {
        public String kind;
        public int count;
        public List<String> arguments = new ArrayList<>();
    }

    private final Path folder;
    private final Definition definition;

    private RunsExperiment(Path folder, Definition definition) {
        this.folder = folder;
        this.definition = definition;
    }

    /**
     * A new experiment in the absent or empty {@code folder}, or the one already there when it was started with the
     * same kind, count and arguments.
     */
    public static RunsExperiment prepare(Path folder, String kind, int count, List<String> arguments)
            throws IOException {
        Definition d = new Definition();
        d.kind = kind;
        d.count = count;
        d.arguments = List.copyOf(arguments);
        Path file = folder.resolve(FILE);
        if (Files.isRegularFile(file)) {
            Definition old = read(file);
            List<String> differences = new ArrayList<>();
            if (!Objects.equals(old.kind, kind)) {
                differences.add("kind was '" + old.kind + "', now '" + kind + "'");
            }
            if (old.count != count) {
                differences.add("count was " + old.count + ", now " + count);
            }
            if (!old.arguments.equals(d.arguments)) {
                differences.add("arguments were " + old.arguments + ", now " + d.arguments);
            }
            if (!differences.isEmpty()) {
                throw new IOException("experiment folder " + folder + " was started with other settings ("
                        + String.join("; ", differences) + "); continue it with 'istanas resume --run " + folder
                        + "', or choose another --out");
            }
            return new RunsExperiment(folder, old);
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("output folder " + folder + " is not empty and holds no " + FILE
                            + "; choose another --out");
                }
            }
        }
        Files.createDirectories(folder);
        AtomicFiles.write(file, JSON.writeValueAsString(d) + "\n");
        return new RunsExperiment(folder, d);
    }

    /** The experiment in {@code folder}, or null when it holds none. */
    public static RunsExperiment open(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Definition d = read(file);
        if (!SEARCH_RUNS.equals(d.kind) && !EVALUATE_SEEDS.equals(d.kind)) {
            return null;
        }
        return new RunsExperiment(folder, d);
    }

    private static Definition read(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), Definition.class);
        } catch (IOException e) {
            throw new IOException(file + " is not an experiment definition (" + e.getMessage() + ")", e);
        }
    }

    public Path folder() {
        return folder;
    }

    public String kind() {
        return definition.kind;
    }

    public int count() {
        return definition.count;
    }

    /** The folder of run {@code i}. */
    public Path runFolder(int i) {
        return folder.resolve("run-" + i);
    }

    /** Run i: the shared arguments with {@code --run-index i --out PARENT/run-i}. */
    public List<TrialSpec> trials() {
        return trials(List.of());
    }

    private List<TrialSpec> trials(List<String> extra) {
        List<TrialSpec> trials = new ArrayList<>();
        for (int i = 0; i < definition.count; i++) {
            Path run = runFolder(i).toAbsolutePath();
            List<String> args = new ArrayList<>(definition.arguments);
            args.addAll(List.of("--run-index", Integer.toString(i), "--out", run.toString()));
            args.addAll(extra);
            trials.add(new TrialSpec("run-" + i, args, run, List.of()));
        }
        return trials;
    }

    /** After {@link #run}: the searches' outcomes, with summary.csv and the best genotype written. */
    public org.istanas.app.embed.SearchReport searchReport() throws IOException {
        return RunResults.search(this);
    }

    /**
     * After {@link #run}: the evaluations' results, with summary.csv written.
     *
     * @param spaces looks up the search space a run's genotype.json names
     */
    public org.istanas.app.embed.EvaluationReport evaluationReport(
            java.util.function.Function<String, org.istanas.api.space.SearchSpace> spaces) throws IOException {
        return RunResults.evaluation(this, spaces);
    }

    /**
     * The default parent folder, {@code runs/<name>-<UTC time>-s<seed>} (the one the runs would get in one go).
     */
    public static Path defaultFolder(String name, long seed) {
        return org.istanas.api.run.RunFolder.newDirectory(Path.of("runs"), name, seed, java.time.Instant.now());
    }

    /**
     * Runs the runs that are not finished: through {@code choice}, or one after another in this JVM with {@code
     * inline} when {@code choice} is null.
     */
    public TrialLedger run(PluginCatalog catalog, ExecutorChoice choice, InlineSession.CommandLineRunner inline,
                           boolean quiet, PrintWriter out, PrintWriter progress) throws IOException {
        if (choice != null) {
            return choice.run(catalog, folder, trials(), out, quiet ? new PrintWriter(OutputStream.nullOutputStream()) : progress);
        }
        try (InlineSession session = new InlineSession(inline, progress)) {
            return ExecutorChoice.runIn(session, "inline", ExecutorChoice.DEFAULT_ATTEMPTS, folder,
                    trials(quiet ? List.of("--quiet") : List.of()),
                    new PrintWriter(OutputStream.nullOutputStream()), new PrintWriter(OutputStream.nullOutputStream()));
        }
    }
}
