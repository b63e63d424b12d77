package org.istanas.app.consistency;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.istanas.api.run.AtomicFiles;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.istanas.api.run.Seeds;
import org.istanas.metrics.RankCorrelation;
import org.istanas.metrics.SeedSummary;
import org.istanas.metrics.io.CsvPairs;
import org.istanas.metrics.plot.ScatterPlot;
import org.istanas.report.ReportRefresher;

/**
 * Runs the consistency experiment in one folder:
 * <pre>
 * experiment.json      the settings (checked when the experiment is continued)
 * search/run-&lt;i&gt;/      search run folders (seed of run i: Seeds.forRun(seed, i), as search --runs derives them)
 * evaluate/run-&lt;i&gt;/    evaluation run folders of search/run-&lt;i&gt;/genotype.json
 * pairs.csv            run, seed, genotype file, search and evaluation accuracy (and the folders)
 * scatter.png, .svg    evaluation against search accuracy, with the headline coefficient in the title
 * report.html          the runs side by side, linked to their own reports (RunReport)
 * summary.json         all coefficients with p-values (or why they are undefined) and mean ± std of both accuracies
 * </pre>
 * Running it again on the same folder reuses every finished run (result.json present), resumes unfinished ones from
 * their checkpoints and starts the missing ones; asking for more runs extends the experiment.
 */
public final class ConsistencyExperiment {
    public static final String EXPERIMENT_JSON = "experiment.json";
    public static final String PAIRS_CSV = "pairs.csv";
    public static final String SCATTER_PNG = "scatter.png";
    public static final String SCATTER_SVG = "scatter.svg";
    public static final String SUMMARY_JSON = "summary.json";
    public static final String SEARCH_DIR = "search";
    public static final String EVALUATE_DIR = "evaluate";
    /** Columns of pairs.csv; {@code istanas rank --csv pairs.csv --x search_acc --y eval_acc} recomputes τ. */
    public static final List<String> PAIRS_HEADER = List.of("run", "seed", "genotype", "search_acc", "eval_acc",
            "search_folder", "eval_folder");
    /** The coefficients reported, headline first when it is the default. */
    static final List<RankCorrelation> METHODS = List.of(RankCorrelation.KENDALL_B, RankCorrelation.KENDALL_A,
            RankCorrelation.SPEARMAN);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ConsistencySpec spec;
    private final TrialRunner runner;
    private final Path folder;
    private final ProgressListener listener;
    private int trained;
    private int reused;
    private boolean prepared;

    public ConsistencyExperiment(ConsistencySpec spec, TrialRunner runner, Path folder, ProgressListener listener) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
        this.runner = Objects.requireNonNull(runner, "runner is null");
        this.folder = Objects.requireNonNull(folder, "folder is null");
        this.listener = Objects.requireNonNull(listener, "listener is null");
    }

    /** The folder of search {@code run}. */
    public static Path searchFolder(Path experiment, int run) {
        return experiment.resolve(SEARCH_DIR).resolve("run-" + run);
    }

    /** The folder of the evaluation of search {@code run}'s genotype. */
    public static Path evaluationFolder(Path experiment, int run) {
        return experiment.resolve(EVALUATE_DIR).resolve("run-" + run);
    }

    public ConsistencyReport run() throws IOException {
        prepare();
        List<ConsistencyPair> pairs = new ArrayList<>();
        for (int i = 0; i < spec.runs(); i++) {
            pairs.add(runPair(i));
        }
        double[] x = pairs.stream().mapToDouble(ConsistencyPair::searchAccuracy).toArray();
        double[] y = pairs.stream().mapToDouble(ConsistencyPair::evaluationAccuracy).toArray();
        Map<RankCorrelation, Correlation> correlations = new EnumMap<>(RankCorrelation.class);
        for (RankCorrelation method : METHODS) {
            correlations.put(method, Correlation.of(method, x, y));
        }
        ConsistencyReport report = new ConsistencyReport(spec, folder, pairs, correlations, SeedSummary.of(x),
                SeedSummary.of(y), trained, reused);
        writePairs(pairs);
        writePlot(report, x, y);
        writeSummary(report);
        new ReportRefresher(folder).refresh();
        listener.message("consistency of " + spec.strategy() + " over " + pairs.size() + " runs: "
                + report.headline().toText());
        return report;
    }

    private ConsistencyPair runPair(int i) throws IOException {
        long seed = Seeds.forRun(spec.seed(), i);
        String label = "run " + (i + 1) + " of " + spec.runs();
        Path search = searchFolder(folder, i);
        Path evaluation = evaluationFolder(folder, i);
        switch (RunState.of(search)) {
            case FINISHED -> {
                reused++;
                listener.message(label + ": search (seed " + seed + ") finished earlier, reused");
            }
            case UNFINISHED -> {
                trained++;
                listener.message(label + ": resuming the search in " + search);
                runner.resumeSearch(search, listener);
            }
            case ABSENT -> {
                trained++;
                clearUnstarted(search);
                listener.message(label + ": search with seed " + seed);
                runner.search(search, seed, listener);
            }
        }
        double searchAccuracy = ResultFiles.accuracy(search, ResultFiles.SEARCH_ACCURACY);
        Path genotype = search.resolve(RunFolder.GENOTYPE);
        if (!Files.isRegularFile(genotype)) {
            throw new IOException("search run " + search + " has finished but has no " + RunFolder.GENOTYPE);
        }
        switch (RunState.of(evaluation)) {
            case FINISHED -> {
                reused++;
                listener.message(label + ": evaluation finished earlier, reused");
            }
            case UNFINISHED -> {
                trained++;
                listener.message(label + ": resuming the evaluation in " + evaluation);
                runner.resumeEvaluation(evaluation, listener);
            }
            case ABSENT -> {
                trained++;
                clearUnstarted(evaluation);
                listener.message(label + ": evaluating the genotype found (seed " + spec.evaluationSeed() + ")");
                runner.evaluate(evaluation, genotype, spec.evaluationSeed(), listener);
            }
        }
        double evaluationAccuracy = ResultFiles.accuracy(evaluation, ResultFiles.EVALUATION_ACCURACY);
        listener.message(String.format(Locale.ROOT, "%s: search accuracy %.4f, evaluation accuracy %.4f", label,
                searchAccuracy, evaluationAccuracy));
        return new ConsistencyPair(i, seed, relative(search), relative(genotype), relative(evaluation),
                searchAccuracy, evaluationAccuracy);
    }

    /**
     * Writes experiment.json for a new experiment, or checks that a continued one has the same settings; done by
     * {@link #run()} when not called before (a trial executor calls it before it submits the runs).
     */
    public void prepare() throws IOException {
        if (prepared) {
            return;
        }
        prepared = true;
        Path file = folder.resolve(EXPERIMENT_JSON);
        Map<String, String> identity = spec.identity();
        if (Files.isRegularFile(file)) {
            Map<String, Object> stored = JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {
            });
            List<String> differences = new ArrayList<>();
            identity.forEach((key, value) -> {
                Object old = stored.get(key);
                if (!value.equals(old == null ? null : old.toString())) {
                    differences.add(key + " was '" + old + "', now '" + value + "'");
                }
            });
            if (!differences.isEmpty()) {
                throw new IOException("experiment folder " + folder + " was started with other settings ("
                        + String.join("; ", differences) + "); use the same settings to continue it, or another --out");
            }
            listener.message("continuing the experiment in " + folder);
            return;
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("output folder " + folder + " is not empty and holds no " + EXPERIMENT_JSON
                            + "; choose another --out");
                }
            }
        }
        Files.createDirectories(folder);
        AtomicFiles.write(file, JSON.writeValueAsString(identity) + "\n");
    }

    /** Removes what a run left before its first checkpoint, so that it can start afresh in an empty folder. */
    private static void clearUnstarted(Path run) throws IOException {
        if (!Files.exists(run)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(run)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void writePairs(List<ConsistencyPair> pairs) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (ConsistencyPair p : pairs) {
            rows.add(Arrays.asList(p.run(), p.seed(), p.genotypeFile(), p.searchAccuracy(), p.evaluationAccuracy(),
                    p.searchFolder(), p.evaluationFolder()));
        }
        CsvPairs.writeTable(folder.resolve(PAIRS_CSV), PAIRS_HEADER, rows);
    }

    private void writePlot(ConsistencyReport report, double[] x, double[] y) throws IOException {
        Correlation headline = report.headline();
        String title = spec.strategy() + ": " + (headline.defined()
                ? String.format(Locale.ROOT, "%s = %.3f (n = %d)", symbol(spec.method()), headline.value(), x.length)
                : symbol(spec.method()) + " undefined (n = " + x.length + ")");
        ScatterPlot plot = ScatterPlot.builder().title(title).xLabel("search: super-net validation accuracy")
                .yLabel("stand-alone test accuracy").build();
        plot.writePng(folder.resolve(SCATTER_PNG), x, y);
        plot.writeSvg(folder.resolve(SCATTER_SVG), x, y);
    }

    private void writeSummary(ConsistencyReport report) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("strategy", spec.strategy());
        json.put("runs", report.pairs().size());
        json.put("settings", spec.identity());
        json.put("method", spec.method().id());
        json.put("value", nullIfNaN(report.headline().value()));
        json.put("pValue", nullIfNaN(report.headline().pValue()));
        if (!report.headline().defined()) {
            json.put("undefined", report.headline().undefined());
        }
        Map<String, Object> all = new LinkedHashMap<>();
        for (RankCorrelation method : METHODS) {
            all.put(method.id(), describe(report.correlations().get(method)));
        }
        json.put("correlations", all);
        json.put("searchAccuracy", report.searchAccuracy());
        json.put("evaluationAccuracy", report.evaluationAccuracy());
        json.put("pairs", PAIRS_CSV);
        json.put("plot", SCATTER_PNG);
        AtomicFiles.write(folder.resolve(SUMMARY_JSON), JSON.writeValueAsString(json) + "\n");
    }

    private static Map<String, Object> describe(Correlation c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", c.n());
        m.put("value", nullIfNaN(c.value()));
        m.put("pValue", nullIfNaN(c.pValue()));
        if (c.defined()) {
            m.put("pValueMethod", c.test().pValueMethod());
            if (c.test().hasExactPValue()) {
                m.put("exactPValue", c.test().exactPValue());
            }
        } else {
            m.put("undefined", c.undefined());
        }
        return m;
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    static String symbol(RankCorrelation method) {
        return switch (method) {
            case KENDALL_A -> "τ-a";
            case KENDALL_B -> "τ-b";
            case SPEARMAN -> "ρ";
        };
    }

    private String relative(Path p) {
        return folder.relativize(p).toString().replace('\\', '/');
    }
}
