package org.istanas.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.istanas.api.run.AtomicFiles;
import org.istanas.report.compare.Comparison;
import org.istanas.report.compare.ComparisonPage;
import org.istanas.report.html.Html;
import org.istanas.report.html.Page;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code istanas compare RUN...}: a table of runs and their curves overlaid, as HTML, Markdown or JSON. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare runs (search, evaluation or experiment folders, any strategy): final and best "
                + "accuracies, genotype, time, search cost and parameters in a table, and the curves overlaid. "
                + "Writes OUT/comparison.html, OUT/comparison.md and OUT/plots/*.png, *.svg; prints the Markdown "
                + "table (or, with --json, the rows as JSON).",
        footer = {"", "Example: istanas compare runs/two-stage-* runs/darts-* --out runs/comparison"})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", arity = "1..*", description = "Run folders or folders of runs.")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "comparison",
            description = "Folder for comparison.html, comparison.md and plots/ (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--json", description = "Print the rows as JSON (accuracies as fractions) instead of Markdown.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Comparison comparison = Comparison.of(runs); // reads and checks every folder before writing anything
        Files.createDirectories(out);
        Page page = new Page("Comparison of " + comparison.rows().size() + " runs");
        page.add(Html.section("runs", "Runs", ComparisonPage.html(comparison, out, out.resolve("plots"), "compare-")));
        AtomicFiles.write(out.resolve("comparison.html"), page.render());
        String markdown = comparison.markdown();
        AtomicFiles.write(out.resolve("comparison.md"), markdown);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(json ? comparison.json() : markdown);
        if (!json) {
            stdout.println();
            stdout.println("written: " + out.resolve("comparison.html").toAbsolutePath());
        }
        stdout.flush();
        return 0;
    }
}
