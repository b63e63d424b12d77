package org.istanas.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.istanas.api.run.AtomicFiles;
import org.istanas.report.compare.Comparison;
import org.istanas.report.compare.ComparisonPage;
import org.istanas.report.html.Html;
import org.istanas.report.html.Page;
import org.istanas.report.run.RunData;
import org.istanas.report.run.RunDiscovery;
import org.istanas.report.run.Table;

/**
 * The report of a folder of runs (a consistency experiment, a {@code --runs N} search, an evaluation over seeds,
 * an ablation): every run's own report is written first, then one page with the experiment's files (JSON as
 * text, CSV as tables, PNG pictures inline), the comparison table of its runs linked to their reports, and their
 * curves overlaid.
 */
final class ExperimentReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final RunReport runs;

    ExperimentReport(RunReport runs) {
        this.runs = runs;
    }

    Path write(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("folder " + folder + " does not exist");
        }
        List<Path> found = RunDiscovery.runs(folder);
        if (found.isEmpty()) {
            throw new IOException("folder " + folder + " is not a run folder (no provenance.json) and holds no run "
                    + "in its sub-folders");
        }
        List<String> failures = new ArrayList<>();
        for (Path run : found) {
            try {
                // a run's report is rewritten only when a file of the run is newer: an experiment that reuses its
                // finished runs leaves them untouched
                if (RunReport.isStale(run)) {
                    runs.writeRun(RunData.read(run));
                }
            } catch (IOException | RuntimeException e) {
                failures.add(run + ": " + e.getMessage());
            }
        }
        Page page = new Page("Experiment: " + folder.toAbsolutePath().normalize().getFileName());
        page.add(Html.note(found.size() + " run(s) in this folder; each name links to the run's own report."));
        if (!failures.isEmpty()) {
            page.add("<div class=\"problems\">" + Html.pre("Reports that could not be written:\n"
                    + String.join("\n", failures)) + "</div>");
        }
        Comparison comparison = Comparison.of(List.of(folder));
        page.add(Html.section("runs", "Runs", ComparisonPage.html(comparison, folder,
                folder.resolve(RunReport.PLOTS), "runs-")));
        String files = filesHtml(folder);
        if (!files.isEmpty()) {
            page.add(Html.section("results", "Experiment results", files));
        }
        page.add(Html.section("files", "Files", RunReport.filesHtml(folder)));
        Path file = folder.resolve(RunReport.FILE);
        AtomicFiles.write(file, page.render());
        return file;
    }

    /** The experiment's own top-level files: JSON, CSV and PNG. */
    private static String filesHtml(Path folder) throws IOException {
        StringBuilder out = new StringBuilder();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            try {
                if (name.endsWith(".json")) {
                    out.append("<h3>").append(Html.escape(name)).append("</h3>")
                            .append(Html.pre(JSON.writeValueAsString(JSON.readTree(
                                    Files.readString(f, StandardCharsets.UTF_8)))));
                } else if (name.endsWith(".csv")) {
                    Table t = Table.read(f);
                    out.append("<h3>").append(Html.escape(name)).append("</h3>").append(Html.table(t.header(), t.rows()));
                } else if (name.endsWith(".png") && Files.size(f) < 4_000_000) {
                    out.append("<h3>").append(Html.escape(name)).append("</h3>")
                            .append(Html.png(Files.readAllBytes(f), name));
                }
            } catch (IOException | RuntimeException e) {
                out.append(Html.note(name + " could not be read: " + e.getMessage()));
            }
        }
        return out.toString();
    }
}
