package org.istanas.app.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.run.AtomicFiles;
import org.istanas.api.run.CsvFile;
import org.istanas.api.run.RunFolder;
import org.istanas.api.run.Seeds;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.app.trial.ExecutorChoice;
import org.istanas.app.trial.TrialSpec;
import org.istanas.metrics.Kendall;
import org.istanas.metrics.SeedSummary;
import org.istanas.metrics.io.CsvPairs;
import org.istanas.metrics.plot.ChartFiles;
import org.istanas.metrics.plot.VariantPlot;
import org.istanas.report.ReportRefresher;

/**
 * {@code istanas ablation}: the same search for every combination of the varied values, N seeds each, as trials
 * of one experiment folder:
 * <pre>
 * experiment.json           kind "ablation", the varied keys and values, N, the shared search arguments
 * &lt;variant&gt;/run-&lt;i&gt;/       search run folders (variant e.g. solver=fista,sparsity=2; run i has seed Seeds.forRun(seed, i))
 * runs.csv                  variant, run, seed, valid_acc, search_seconds, folder
 * variants.csv              per variant: mean and std of valid_acc and search_seconds, genotype agreement
 * summary.json              the same, plus Kendall tau-b between the variants' rankings of every two seeds
 * </pre>
 * {@code solver} and {@code strategy} are passed as those options, every other key as {@code --set KEY=VALUE}.
 * Like the other experiments it continues after a crash: run the same command again.
 */
public final class Ablation {
    public static final String KIND = "ablation";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One combination of the varied values, in the order of the --vary options. */
    public record Variant(String name, Map<String, String> values) {
    }

    /** One variant's numbers. */
    public record Row(Variant variant, SeedSummary accuracy, SeedSummary seconds, double genotypeAgreement) {
    }

    private final Path folder;
    private final Map<String, List<String>> vary;
    private final int runs;
    private final long seed;
    private final List<String> searchArguments;
    private final List<Variant> variants;

    /**
     * @param vary            key to its values, in the order given
     * @param searchArguments the options every search shares (dataset, preset, --set, ...), without seed and out
     */
    public Ablation(Path folder, Map<String, List<String>> vary, int runs, long seed, List<String> searchArguments) {
        this.folder = Objects.requireNonNull(folder, "folder is null");
        this.vary = new LinkedHashMap<>(vary);
        if (vary.isEmpty()) {
            throw new IllegalArgumentException("--vary KEY=V1,V2,... is needed at least once");
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
        }
        this.runs = runs;
        this.seed = seed;
        this.searchArguments = List.copyOf(searchArguments);
        this.variants = combinations();
    }

    public List<Variant> variants() {
        return variants;
    }

    private List<Variant> combinations() {
        List<Map<String, String>> all = new ArrayList<>();
        all.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : vary.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : all) {
                for (String value : e.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), value);
                    next.add(m);
                }
            }
            all = next;
        }
        List<Variant> result = new ArrayList<>();
        for (Map<String, String> m : all) {
            StringBuilder name = new StringBuilder();
            m.forEach((k, v) -> name.append(name.length() == 0 ? "" : ",").append(k).append('=').append(v));
            result.add(new Variant(name.toString(), m));
        }
        return result;
    }

    /** The arguments that decide what trains, checked when the experiment is continued. */
    private List<String> identity() {
        List<String> id = new ArrayList<>(searchArguments);
        vary.forEach((k, v) -> id.addAll(List.of("--vary", k + "=" + String.join(",", v))));
        id.addAll(List.of("--seed", Long.toString(seed)));
        return id;
    }

    /** One search per variant and seed. */
    public List<TrialSpec> trials() {
        List<TrialSpec> trials = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            Variant variant = variants.get(v);
            for (int i = 0; i < runs; i++) {
                Path run = runFolder(variant, i).toAbsolutePath();
                List<String> args = new ArrayList<>(List.of("search"));
                args.addAll(searchArguments);
                variant.values().forEach((k, value) -> {
                    if (k.equals("solver") || k.equals("strategy")) {
                        args.addAll(List.of("--" + k, value));
                    } else {
                        args.addAll(List.of("--set", k + "=" + value));
                    }
                });
                args.addAll(List.of("--seed", Long.toString(Seeds.forRun(seed, i)), "--out", run.toString()));
                trials.add(new TrialSpec("v" + v + "-run-" + i, args, run, List.of()));
            }
        }
        return trials;
    }

    private static TrialSpec quiet(TrialSpec t) {
        List<String> args = new ArrayList<>(t.arguments());
        args.add("--quiet");
        return new TrialSpec(t.id(), args, t.runFolder(), t.after());
    }

    private Path runFolder(Variant variant, int i) {
        return folder.resolve(variant.name().replace('/', '_')).resolve("run-" + i);
    }

    /** Runs the missing searches (through {@code choice}, or in this JVM), then writes and returns the tables. */
    public List<Row> run(PluginCatalog catalog, ExecutorChoice choice, InlineSession.CommandLineRunner inline,
                         boolean quiet, PrintWriter out, PrintWriter progress) throws IOException {
        RunsExperiment.prepare(folder, KIND, variants.size() * runs, identity());
        PrintWriter none = new PrintWriter(OutputStream.nullOutputStream());
        if (choice != null) {
            choice.run(catalog, folder, trials(), out, quiet ? none : progress);
        } else {
            List<TrialSpec> trials = trials().stream().map(t -> quiet ? quiet(t) : t).toList();
            try (InlineSession session = new InlineSession(inline, progress)) {
                ExecutorChoice.runIn(session, "inline", ExecutorChoice.DEFAULT_ATTEMPTS, folder, trials, none, none);
            }
        }
        return summarize();
    }

    private List<Row> summarize() throws IOException {
        List<Row> rows = new ArrayList<>();
        List<List<?>> runRows = new ArrayList<>();
        double[][] accuracy = new double[variants.size()][runs];
        for (int v = 0; v < variants.size(); v++) {
            Variant variant = variants.get(v);
            double[] seconds = new double[runs];
            List<Genotype> genotypes = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Path run = runFolder(variant, i);
                JsonNode result = JSON.readTree(run.resolve(RunFolder.RESULT).toFile());
                JsonNode acc = result.get("validAccuracy");
                if (acc == null || !acc.isNumber()) {
                    throw new IOException(run.resolve(RunFolder.RESULT) + ": field 'validAccuracy' is "
                            + (acc == null ? "missing" : acc) + "; expected a number");
                }
                accuracy[v][i] = acc.asDouble();
                seconds[i] = searchSeconds(run);
                genotypes.add(GenotypeJson.read(run.resolve(RunFolder.GENOTYPE)));
                runRows.add(Arrays.asList(variant.name(), i, Seeds.forRun(seed, i), accuracy[v][i], seconds[i],
                        folder.relativize(run).toString()));
            }
            rows.add(new Row(variant, SeedSummary.of(accuracy[v]), SeedSummary.of(seconds), agreement(genotypes)));
        }
        CsvPairs.writeTable(folder.resolve("runs.csv"), List.of("variant", "run", "seed", "valid_acc",
                "search_seconds", "folder"), runRows);
        List<List<?>> variantRows = new ArrayList<>();
        for (Row r : rows) {
            variantRows.add(Arrays.asList(r.variant().name(), r.accuracy().mean(), nullIfNaN(r.accuracy().std()),
                    r.seconds().mean(), r.genotypeAgreement()));
        }
        CsvPairs.writeTable(folder.resolve("variants.csv"), List.of("variant", "valid_acc_mean", "valid_acc_std",
                "search_seconds_mean", "genotype_agreement"), variantRows);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("vary", vary);
        json.put("runs", runs);
        json.put("seed", seed);
        List<Map<String, Object>> vs = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", r.variant().name());
            m.put("values", r.variant().values());
            m.put("validAccuracy", r.accuracy());
            m.put("searchSeconds", r.seconds());
            m.put("genotypeAgreement", r.genotypeAgreement());
            vs.add(m);
        }
        json.put("variants", vs);
        json.put("rankingKendallTauB", rankingAgreement(accuracy));
        AtomicFiles.write(folder.resolve("summary.json"), JSON.writeValueAsString(json) + "\n");
        List<String> names = rows.stream().map(r -> r.variant().name()).toList();
        ChartFiles.write(folder.resolve("variants"), VariantPlot.chart(names, accuracy,
                "final validation accuracy per variant (" + runs + " seeds each)", "valid accuracy"), 720, 440);
        // report.html: the variants' runs side by side with overlaid curves, linked to each run's own report
        new ReportRefresher(folder).refresh();
        return rows;
    }

    /** Sum of the per-epoch seconds of metrics.csv (0 when it has no such column). */
    private static double searchSeconds(Path run) throws IOException {
        CsvFile metrics = CsvFile.read(run.resolve(RunFolder.METRICS));
        int column = metrics.column("seconds");
        double sum = 0;
        for (CsvFile.Row row : metrics.rows()) {
            if (column >= 0 && column < row.values().size()) {
                sum += metrics.number(row, column);
            }
        }
        return sum;
    }

    /**
     * Genotype agreement across seeds: over every two seeds, the fraction of (operation, input) entries of both cells
     * that are the same at the same place; 1 when every seed found the same genotype, NaN with one seed.
     */
    static double agreement(List<Genotype> genotypes) {
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < genotypes.size(); a++) {
            for (int b = a + 1; b < genotypes.size(); b++) {
                List<?> x = edges(genotypes.get(a));
                List<?> y = edges(genotypes.get(b));
                int same = 0;
                for (int k = 0; k < Math.min(x.size(), y.size()); k++) {
                    same += x.get(k).equals(y.get(k)) ? 1 : 0;
                }
                sum += (double) same / Math.max(x.size(), y.size());
                pairs++;
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }

    private static List<?> edges(Genotype g) {
        List<Object> all = new ArrayList<>(g.normal());
        all.addAll(g.reduce());
        return all;
    }

    /**
     * How stable the ranking of the variants is across seeds: Kendall's tau-b between the variants' accuracies of
     * every two seeds, and their mean (null where undefined: one seed, one variant, or a seed with all variants tied).
     */
    static Map<String, Object> rankingAgreement(double[][] accuracy) {
        int variants = accuracy.length;
        int runs = variants == 0 ? 0 : accuracy[0].length;
        List<Double> taus = new ArrayList<>();
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> pairs = new LinkedHashMap<>();
        for (int a = 0; a < runs; a++) {
            for (int b = a + 1; b < runs; b++) {
                double[] x = new double[variants];
                double[] y = new double[variants];
                for (int v = 0; v < variants; v++) {
                    x[v] = accuracy[v][a];
                    y[v] = accuracy[v][b];
                }
                double tau = variants < 2 || constant(x) || constant(y) ? Double.NaN : Kendall.tauB(x, y);
                pairs.put("run " + a + " vs run " + b, nullIfNaN(tau));
                if (!Double.isNaN(tau)) {
                    taus.add(tau);
                }
            }
        }
        m.put("mean", taus.isEmpty() ? null : taus.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        m.put("pairs", pairs);
        return m;
    }

    private static boolean constant(double[] v) {
        return Arrays.stream(v).allMatch(d -> d == v[0]);
    }

    private static Double nullIfNaN(Double v) {
        return v == null || Double.isNaN(v) ? null : v;
    }

    /** The table printed at the end. */
    public static void print(PrintWriter out, List<Row> rows, Path folder) {
        out.println();
        out.printf(Locale.ROOT, "%-36s %-24s %-16s %s%n", "variant", "valid accuracy", "search seconds",
                "genotype agreement");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-36s %-24s %-16s %s%n", r.variant().name(), r.accuracy().toText(4),
                    String.format(Locale.ROOT, "%.1f", r.seconds().mean()),
                    Double.isNaN(r.genotypeAgreement()) ? "-" : String.format(Locale.ROOT, "%.2f",
                            r.genotypeAgreement()));
        }
        out.println("runs:     " + folder.resolve("runs.csv").toAbsolutePath());
        out.println("variants: " + folder.resolve("variants.csv").toAbsolutePath());
        out.println("summary:  " + folder.resolve("summary.json").toAbsolutePath());
        out.flush();
    }
}
