package org.istanas.report.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.istanas.report.chart.LineChart;
import org.istanas.report.run.RunData;
import org.istanas.report.run.RunDiscovery;
import org.istanas.report.run.Table;

/**
 * Runs side by side: one {@link RunSummary} row per run (any strategy, searches and evaluations mixed) and the
 * curves every run has overlaid in one chart each. Folders of runs (experiments) are expanded into their runs.
 */
public final class Comparison {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Overlaid charts: metrics column, chart id, title, axis label. */
    private static final List<List<String>> OVERLAYS = List.of(
            List.of("valid_acc", "valid_acc", "Validation accuracy", "accuracy"),
            List.of("test_acc", "test_acc", "Test accuracy", "accuracy"),
            List.of("benchmark_cifar10", "benchmark", "NAS-Bench-201 CIFAR-10 test accuracy", "accuracy (%)"),
            List.of("train_loss", "train_loss", "Training loss", "loss"),
            List.of("valid_loss", "valid_loss", "Validation loss", "loss"));

    private final List<RunData> runs;
    private final List<RunSummary> rows;

    private Comparison(List<RunData> runs, List<String> labels) {
        this.runs = List.copyOf(runs);
        List<RunSummary> r = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            r.add(RunSummary.of(labels.get(i), runs.get(i)));
        }
        this.rows = List.copyOf(r);
    }

    /**
     * Reads the runs of {@code folders}: each is a run folder or a folder of runs. Fails naming a folder that
     * does not exist or holds no run, before anything is written.
     */
    public static Comparison of(List<Path> folders) throws IOException {
        Objects.requireNonNull(folders, "folders is null");
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("no run folder given to compare");
        }
        List<Path> expanded = new ArrayList<>();
        for (Path f : folders) {
            if (!Files.isDirectory(f)) {
                throw new IOException("run folder " + f + " does not exist");
            }
            List<Path> found = RunDiscovery.runs(f);
            if (found.isEmpty()) {
                throw new IOException("folder " + f + " holds no run: neither it nor its sub-folders have a "
                        + "provenance.json");
            }
            expanded.addAll(found);
        }
        List<RunData> runs = new ArrayList<>();
        for (Path p : expanded) {
            runs.add(RunData.read(p));
        }
        return new Comparison(runs, labels(expanded));
    }

    /** Folder names, with as many parent names as needed to tell two runs apart. */
    static List<String> labels(List<Path> folders) {
        for (int depth = 1; depth <= 6; depth++) {
            List<String> labels = new ArrayList<>();
            for (Path f : folders) {
                Path abs = f.toAbsolutePath().normalize();
                int n = abs.getNameCount();
                labels.add(n == 0 ? abs.toString() : abs.subpath(Math.max(0, n - depth), n).toString());
            }
            if (labels.stream().distinct().count() == labels.size()) {
                return labels;
            }
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            labels.add(i + 1 + ": " + folders.get(i).getFileName());
        }
        return labels;
    }

    public List<RunSummary> rows() {
        return rows;
    }

    public List<RunData> runs() {
        return runs;
    }

    /** Table columns, shared by HTML and Markdown. */
    public static final List<String> HEADER = List.of("run", "kind", "strategy", "dataset", "seed", "epochs",
            "final valid", "best valid", "final test", "best test", "NB201", "time", "search cost (core-h)",
            "parameters", "genotype");

    /** The cells of each row as text (accuracies in percent). */
    public List<List<String>> cells() {
        List<List<String>> out = new ArrayList<>();
        for (RunSummary s : rows) {
            out.add(List.of(s.label(), s.kind(), s.strategy(), s.dataset(), s.seed(),
                    s.epochs() + (s.finished() ? "" : " (running)"), pct(s.finalValid()), pct(s.bestValid()),
                    pct(s.finalTest()), pct(s.bestTest()), pct(s.finalBenchmark()),
                    String.format(Locale.ROOT, "%.0f s", s.seconds()),
                    s.searchCoreHours().isPresent() ? String.format(Locale.ROOT, "%.3f", s.searchCoreHours().getAsDouble())
                            : "",
                    s.parameters().isPresent() ? String.format(Locale.ROOT, "%,d", s.parameters().getAsLong()) : "",
                    s.genotype()));
        }
        return out;
    }

    private static String pct(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.2f", 100 * v.getAsDouble()) : "";
    }

    /** A GitHub-flavoured Markdown table for a paper's appendix; accuracies in percent. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", HEADER)).append(" |\n|");
        for (String h : HEADER) {
            out.append(h.startsWith("final") || h.startsWith("best") || h.equals("NB201") || h.equals("epochs")
                    || h.equals("time") || h.startsWith("search") || h.equals("parameters") ? " ---: |" : " --- |");
        }
        out.append('\n');
        for (List<String> row : cells()) {
            out.append("| ");
            out.append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList()));
            out.append(" |\n");
        }
        out.append("\nAccuracies in %; time is the wall-clock time of all epochs; search cost = time x processors.\n");
        return out.toString();
    }

    /** Every row with numbers as numbers (accuracies as fractions) and absent values as null. */
    public String json() throws IOException {
        ArrayNode array = JSON.createArrayNode();
        for (RunSummary s : rows) {
            ObjectNode o = array.addObject();
            o.put("run", s.label());
            o.put("folder", s.folder().toString());
            o.put("kind", s.kind());
            o.put("strategy", s.strategy());
            o.put("dataset", s.dataset());
            o.put("seed", s.seed());
            o.put("epochs", s.epochs());
            o.put("finished", s.finished());
            put(o, "finalValidAccuracy", s.finalValid());
            put(o, "bestValidAccuracy", s.bestValid());
            put(o, "finalTestAccuracy", s.finalTest());
            put(o, "bestTestAccuracy", s.bestTest());
            put(o, "finalBenchmarkAccuracy", s.finalBenchmark());
            o.put("seconds", s.seconds());
            put(o, "searchCoreHours", s.searchCoreHours());
            if (s.parameters().isPresent()) {
                o.put("parameters", s.parameters().getAsLong());
            } else {
                o.putNull("parameters");
            }
            o.put("genotype", s.genotype());
        }
        return JSON.writeValueAsString(array) + "\n";
    }

    private static void put(ObjectNode o, String field, OptionalDouble v) {
        if (v.isPresent()) {
            o.put(field, v.getAsDouble());
        } else {
            o.putNull(field);
        }
    }

    /** One chart per metric that at least one run has, each run one curve (epochs from 1). */
    public Map<String, LineChart> overlaidCharts() {
        Map<String, LineChart> charts = new LinkedHashMap<>();
        for (List<String> o : OVERLAYS) {
            LineChart chart = new LineChart(o.get(2), "epoch", o.get(3));
            for (int i = 0; i < runs.size(); i++) {
                Table m = runs.get(i).metrics().orElse(null);
                if (m != null && m.has(o.get(0)) && m.has("epoch")) {
                    double[] epochs = m.numbers("epoch");
                    for (int k = 0; k < epochs.length; k++) {
                        epochs[k] += 1;
                    }
                    chart.add(rows.get(i).label(), epochs, m.numbers(o.get(0)));
                }
            }
            if (chart.hasData()) {
                charts.put(o.get(1), chart);
            }
        }
        return charts;
    }
}
