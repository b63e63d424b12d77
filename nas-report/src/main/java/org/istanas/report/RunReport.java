package org.istanas.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.run.AtomicFiles;
import org.istanas.metrics.plot.ChartFiles;
import org.istanas.report.arch.CodeHeatMap;
import org.istanas.report.arch.Freezing;
import org.istanas.report.arch.SupportTable;
import org.istanas.report.cells.CellPictures;
import org.istanas.report.chart.Curves;
import org.istanas.report.compare.RunSummary;
import org.istanas.report.html.Html;
import org.istanas.report.html.Page;
import org.istanas.report.run.RunData;
import org.istanas.report.run.Supports;
import org.istanas.report.run.Table;

/**
 * Writes {@code report.html} into a run folder, from the folder's files alone: a search or evaluation folder
 * (it has provenance.json) gets the run page; any other folder holding runs (an experiment, a {@code --runs N}
 * folder, an ablation) gets the page of {@link ExperimentReport}. The curves are also written as
 * {@code plots/<name>.png} and {@code .svg} for papers. Every file is written atomically, so a browser that
 * reloads the page while a run refreshes it never sees half a page.
 */
public final class RunReport {
    public static final String FILE = "report.html";
    public static final String PLOTS = "plots";
    static final int CHART_WIDTH = 640;
    static final int CHART_HEIGHT = 380;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CellPictures cells;

    public RunReport() {
        this(new CellPictures());
    }

    public RunReport(CellPictures cells) {
        this.cells = Objects.requireNonNull(cells, "cells is null");
    }

    /** Writes the report of {@code folder} (any kind) and returns the report.html written. */
    public static Path write(Path folder) throws IOException {
        return new RunReport().writeFolder(folder);
    }

    /** As {@link #write(Path)}, with this instance's cell drawing. */
    public Path writeFolder(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder is null");
        if (RunData.isRun(folder)) {
            return writeRun(RunData.read(folder));
        }
        return new ExperimentReport(this).write(folder);
    }

    /** The run page of one search or evaluation. */
    public Path writeRun(RunData run) throws IOException {
        Path plots = run.root().resolve(PLOTS);
        RunSummary summary = RunSummary.of(run.root().getFileName().toString(), run);
        Page page = new Page(title(run));
        page.add(Html.section("summary", "Summary", summaryHtml(run, summary)));

        Optional<Table> metrics = run.metrics();
        StringBuilder curves = new StringBuilder();
        List<Curves.Named> charts = metrics.map(Curves::of).orElse(List.of());
        if (charts.isEmpty()) {
            curves.append(Html.note("No epoch has been recorded in metrics.csv yet."));
        } else {
            curves.append("<div class=\"charts\">\n");
            for (Curves.Named c : charts) {
                var chart = c.chart().chart();
                ChartFiles.write(plots.resolve(c.id()), chart, CHART_WIDTH, CHART_HEIGHT);
                curves.append("<div class=\"chart\" id=\"curve-").append(c.id()).append("\">")
                        .append(ChartFiles.svg(chart, CHART_WIDTH, CHART_HEIGHT, "chart-" + c.id()))
                        .append("<div class=\"files\">").append(PLOTS).append('/').append(c.id())
                        .append(".png, .svg</div></div>\n");
            }
            curves.append("</div>\n");
        }
        page.add(Html.section("curves", "Learning curves", curves.toString()));
        page.add(Html.section("cells", "Cells", cellsHtml(run, metrics)));
        String evolution = evolutionHtml(run, metrics);
        if (!evolution.isEmpty()) {
            page.add(Html.section("architecture", "How the architecture evolved", evolution));
        }
        page.add(Html.section("config", "Configuration (config.yaml)",
                run.config().map(Html::pre).orElse(Html.note("config.yaml is missing."))));
        page.add(Html.section("provenance", "Provenance", provenanceHtml(run)));
        page.add(Html.section("files", "Files", filesHtml(run.root())));
        Path file = run.root().resolve(FILE);
        AtomicFiles.write(file, page.render());
        return file;
    }

    private static String title(RunData run) {
        String what = run.isEvaluation() ? "Evaluation" : "Search (" + run.strategy() + ")";
        return what + ": " + run.root().getFileName();
    }

    private static String summaryHtml(RunData run, RunSummary s) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("status", s.finished() ? "finished (result.json written)"
                : "running or interrupted: " + s.epochs() + " epoch(s) recorded"));
        rows.add(List.of("kind", run.kind()));
        if (!run.isEvaluation()) {
            rows.add(List.of("strategy", run.strategy()));
            if (run.invocation().containsKey("solver") && !"darts".equals(run.strategy())) {
                rows.add(List.of("solver", run.invocation().get("solver")));
            }
        }
        rows.add(List.of("dataset", s.dataset()));
        rows.add(List.of("seed", s.seed()));
        rows.add(List.of("epochs recorded", Integer.toString(s.epochs())));
        add(rows, "final validation accuracy", s.finalValid());
        add(rows, "best validation accuracy", s.bestValid());
        add(rows, "final test accuracy", s.finalTest());
        add(rows, "best test accuracy", s.bestTest());
        add(rows, "final NAS-Bench-201 CIFAR-10 accuracy", s.finalBenchmark());
        rows.add(List.of("wall-clock time", seconds(s.seconds())));
        s.searchCoreHours().ifPresent(h -> rows.add(List.of("search cost",
                String.format(Locale.ROOT, "%.3f core-hours", h))));
        s.parameters().ifPresent(p -> rows.add(List.of("parameters", String.format(Locale.ROOT, "%,d", p))));
        if (!s.genotype().isEmpty()) {
            rows.add(List.of("genotype", s.genotype()));
        }
        StringBuilder out = new StringBuilder(Html.keyValues(rows));
        if (!run.problems().isEmpty()) {
            out.append("<div class=\"problems\"><p>Files that could not be read:</p>")
                    .append(Html.pre(String.join("\n", run.problems()))).append("</div>");
        }
        return out.toString();
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    private static void add(List<List<String>> rows, String name, OptionalDouble value) {
        value.ifPresent(v -> rows.add(List.of(name, percent(v))));
    }

    static String seconds(double s) {
        return s >= 3600 ? String.format(Locale.ROOT, "%.0f s (%.2f h)", s, s / 3600)
                : String.format(Locale.ROOT, "%.0f s", s);
    }

    private String cellsHtml(RunData run, Optional<Table> metrics) {
        if (run.otherSpaceArchitecture().isPresent()) { // drawn by Graphviz as cells.svg when dot was available
            String found = "The " + run.otherSpaceArchitecture().get() + " found.";
            java.nio.file.Path svg = run.root().resolve("cells.svg");
            return Html.note(found) + (java.nio.file.Files.isRegularFile(svg)
                    ? "<img src=\"cells.svg\" alt=\"the cell found\">" : "");
        }
        if (run.genotype().isPresent()) {
            String what = run.isEvaluation() ? "The genotype trained." : "The genotype found.";
            return Html.note(what) + cells.html(run.genotype().get());
        }
        if (metrics.isPresent() && metrics.get().size() > 0) {
            int last = metrics.get().size() - 1;
            Optional<Genotype> current = Supports.of(metrics.get()).genotypeAt(last);
            if (current.isPresent()) {
                return Html.note("The search has not finished: the architecture of epoch " + (last + 1)
                        + " (its supports).") + cells.html(current.get());
            }
        }
        return Html.note("No genotype yet (genotype.json is written when the search ends).");
    }

    private static String evolutionHtml(RunData run, Optional<Table> metrics) {
        StringBuilder out = new StringBuilder();
        Supports supports = metrics.map(Supports::of).orElse(new Supports(List.of(), java.util.Map.of()));
        List<String> epochs = new ArrayList<>();
        metrics.filter(m -> m.has("epoch")).ifPresent(m -> m.text("epoch").forEach(e -> epochs.add(shownEpoch(e))));
        metrics.ifPresent(m -> out.append(Freezing.html(m)));
        String table = SupportTable.html(supports, epochs);
        if (!table.isEmpty()) {
            out.append("<h3>Support of every node per epoch</h3>")
                    .append(Html.note("Highlighted: the support changed from the epoch before."))
                    .append(table);
        }
        Optional<Table> codes = run.codes();
        if (codes.isPresent()) {
            boolean darts = "darts".equals(run.strategy());
            String value = darts ? "alpha" : "z";
            String heat = CodeHeatMap.html(codes.get(), supports, value);
            if (!heat.isEmpty()) {
                out.append("<h3>").append(darts ? "Architecture weights |alpha|" : "Recovered codes |z|")
                        .append(" per entry and epoch</h3>")
                        .append(Html.note("Shade: |" + value + "| relative to the largest of its node over the run;"
                                + " red outline: the node's support in that epoch. Hover for the value."))
                        .append(heat);
            }
        }
        return out.toString();
    }

    static String shownEpoch(String epoch) {
        try {
            return Integer.toString(Integer.parseInt(epoch.trim()) + 1);
        } catch (NumberFormatException e) {
            return epoch;
        }
    }

    private static String provenanceHtml(RunData run) throws IOException {
        Optional<JsonNode> p = run.provenance();
        if (p.isEmpty()) {
            return Html.note("provenance.json could not be read.");
        }
        JsonNode n = p.get();
        List<List<String>> rows = new ArrayList<>();
        for (String field : List.of("tool", "version", "gitCommit", "createdAt", "backend")) {
            if (n.hasNonNull(field)) {
                rows.add(List.of(field, n.get(field).asText()));
            }
        }
        run.invocation().forEach((k, v) -> {
            if (!v.isEmpty()) {
                rows.add(List.of("invocation." + k, v));
            }
        });
        JsonNode data = n.path("dataset");
        if (data.isObject()) {
            rows.add(List.of("dataset", data.path("name").asText() + ", " + data.path("train").asText() + " train / "
                    + data.path("test").asText() + " test images, checksum " + data.path("checksum").asText()));
        }
        n.path("seeds").fields().forEachRemaining(e -> rows.add(List.of("seed." + e.getKey(), e.getValue().asText())));
        n.path("runtime").fields().forEachRemaining(e -> rows.add(List.of(e.getKey(), e.getValue().asText())));
        return Html.keyValues(rows) + "<details><summary>provenance.json</summary>"
                + Html.pre(JSON.writeValueAsString(n)) + "</details>\n";
    }

    /** Whether {@code run} has no report.html yet or a file of the run (not under plots/) is newer than it. */
    public static boolean isStale(Path run) throws IOException {
        Path report = run.resolve(FILE);
        if (!Files.isRegularFile(report)) {
            return true;
        }
        var written = Files.getLastModifiedTime(report);
        try (Stream<Path> files = Files.list(run)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (Files.isRegularFile(f) && !name.equals(FILE) && !name.startsWith(".")
                        && Files.getLastModifiedTime(f).compareTo(written) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The folder's files; report.html itself is left out, so that rewriting a report changes nothing in it. */
    static String filesHtml(Path root) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(".") || name.equals(FILE)) {
                    continue;
                }
                rows.add(List.of(name + (Files.isDirectory(f) ? "/" : ""),
                        Files.isDirectory(f) ? "" : String.format(Locale.ROOT, "%,d bytes", Files.size(f))));
            }
        }
        return Html.table(List.of("file", "size"), rows);
    }
}
