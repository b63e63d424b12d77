package org.istanas.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.istanas.api.run.EpochReport;
import org.istanas.report.cells.CellPictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RunReportTest {
    /** A Graphviz command that does not exist: the text fallback. */
    static final CellPictures NO_DOT = new CellPictures("istanas-test-no-such-dot");

    @TempDir
    Path dir;

    @Test
    void aNasBench201SearchShowsTheTablesAccuracyAsPercentAndItsCell() throws IOException {
        Path run = RunFixture.nb201Search(dir.resolve("nb201"));
        String html = Files.readString(new RunReport(NO_DOT).writeFolder(run));
        assertThat(html).contains("<th>final NAS-Bench-201 CIFAR-10 accuracy</th><td>64.13%</td>")
                .contains("The nas-bench-201 cell |nor_conv_1x1~0|+|nor_conv_1x1~0|nor_conv_3x3~1|+|nor_conv_1x1~0|"
                        + "skip_connect~1|nor_conv_3x3~2| found.")
                .contains("<div class=\"chart\" id=\"curve-benchmark\"><svg")
                .doesNotContain("could not be read");
    }

    @Test
    void searchReportShowsSummaryCurvesCellsAndHowTheArchitectureEvolved() throws IOException {
        Path run = RunFixture.search(dir.resolve("run"), true);
        Path file = new RunReport(NO_DOT).writeFolder(run);
        assertThat(file).isEqualTo(run.resolve("report.html"));
        String html = Files.readString(file);

        // summary: last and best valid_acc of metrics.csv, the seconds column summed, x 2 processors
        assertThat(html).contains("<th>final validation accuracy</th><td>52.00%</td>")
                .contains("<th>best validation accuracy</th><td>55.00%</td>")
                .contains("<th>wall-clock time</th><td>34 s</td>")
                .contains(String.format(java.util.Locale.ROOT, "%.3f core-hours", 34.0 * 2 / 3600))
                .contains("finished (result.json written)");

        // one inline SVG chart per group, each curve named in its legend
        for (String id : new String[] {"loss", "accuracy", "lr"}) {
            assertThat(html).contains("<div class=\"chart\" id=\"curve-" + id + "\"><svg");
        }
        assertThat(section(html, "curve-loss")).contains("train_loss").contains("arch_loss").contains("valid_loss");
        assertThat(section(html, "curve-accuracy")).contains("train_acc").contains("valid_acc");
        assertThat(html).doesNotContain("curve-benchmark").doesNotContain("curve-solver");

        // the same curves as files for papers
        BufferedImage png = ImageIO.read(run.resolve("plots/loss.png").toFile());
        assertThat(png.getWidth()).isEqualTo(RunReport.CHART_WIDTH);
        assertThat(png.getHeight()).isEqualTo(RunReport.CHART_HEIGHT);
        assertThat(Files.readString(run.resolve("plots/accuracy.svg"))).startsWith("<?xml").contains("valid_acc");

        // cells without Graphviz: the text drawing and the hint
        assertThat(html).contains("node 2 = sep_conv_3x3(c_{k-2}) + sep_conv_3x3(c_{k-1})")
                .contains("node 2 = max_pool_3x3(c_{k-2}) + avg_pool_3x3(c_{k-1})")
                .contains(org.istanas.report.html.Html.escape(CellPictures.NO_DOT_HINT));

        // supports: normal node 2 changed in epoch 2, reduce node 2 in epoch 3
        assertThat(html).contains("<td class=\"changed\">sep_conv_3x3@0 + sep_conv_3x3@1</td>")
                .contains("<td class=\"changed\">max_pool_3x3@0 + avg_pool_3x3@1</td>")
                .contains("<tr><th>nodes changed</th><td></td><td>1</td><td>1</td></tr>");

        // heat map: skip_connect from input 1 in epoch 1 has |z| = 0.3 of the node's largest 0.8 and is in the
        // support: white + 0.375 x (matplotlib blue - white) = (171, 204, 227), outlined
        assertThat(html).contains("<td class=\"s\" style=\"background:#abcce3\" title=\"normal node 2, skip_connect "
                + "from 1, epoch 1: |z| = 0.3000 (support)\">");
        // the node's largest |z| is full blue; a zero entry is white and not in the support
        assertThat(html).contains("style=\"background:#1f77b4\" title=\"normal node 2, sep_conv_3x3 from 0, epoch 3:");
        assertThat(html).contains("<td style=\"background:#ffffff\" title=\"normal node 2, skip_connect from 0, "
                + "epoch 1: |z| = 0.000 (support)\">".replace(" (support)", ""));

        assertThat(html).contains("sparsity: 2").contains("invocation.strategy").contains("seed.base");
        // self-contained: nothing fetched from elsewhere (the SVG namespace URIs are names, not fetches)
        assertThat(html).doesNotContain("<link").doesNotContain("src=\"http").doesNotContain("href=\"http")
                .doesNotContain("@import").doesNotContain("url(http");
    }

    @Test
    void graphvizDrawsTheCellsWhenItIsInstalled() throws IOException {
        assumeTrue(new CellPictures().svg(RunFixture.GENOTYPE).isPresent(),
                "Graphviz dot is not installed here; .ci/run installs it, so CI runs this test");
        Path run = RunFixture.search(dir.resolve("run"), true);
        String html = Files.readString(RunReport.write(run));
        String cells = section(html, "cells");
        assertThat(cells).contains("<div class=\"cells\"><svg").contains("sep_conv_3x3").contains("avg_pool_3x3")
                .doesNotContain("<?xml").doesNotContain(CellPictures.NO_DOT_HINT);
    }

    @Test
    void aRunningSearchShowsTheArchitectureOfItsLastEpoch() throws IOException {
        Path run = RunFixture.search(dir.resolve("run"), false);
        String html = Files.readString(new RunReport(NO_DOT).writeFolder(run));
        assertThat(html).contains("running or interrupted: 3 epoch(s) recorded")
                .contains("The search has not finished: the architecture of epoch 3")
                .contains("node 2 = max_pool_3x3(c_{k-2}) + avg_pool_3x3(c_{k-1})");
    }

    @Test
    void anOldOrBareFolderStillGetsAReport() throws IOException {
        Path run = dir.resolve("old");
        Files.createDirectories(run);
        Files.writeString(run.resolve("provenance.json"), "{\"tool\":\"istanas\",\"invocation\":{}}");
        Files.writeString(run.resolve("genotype.json"), "{\"normal\": 3}");
        String html = Files.readString(new RunReport(NO_DOT).writeFolder(run));
        assertThat(html).contains("No epoch has been recorded in metrics.csv yet.")
                .contains("config.yaml is missing.")
                .contains("No genotype yet")
                .contains("Files that could not be read").contains("genotype.json");
        // a search by default: folders written before the kind was recorded
        assertThat(html).contains("<title>Search (?): old</title>");
    }

    @Test
    void aFolderWithoutRunsIsAnErrorNamingIt() throws IOException {
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        assertThatThrownBy(() -> RunReport.write(empty)).hasMessageContaining(empty.toString())
                .hasMessageContaining("no provenance.json");
        assertThatThrownBy(() -> RunReport.write(dir.resolve("absent"))).hasMessageContaining("does not exist");
        assertThat(empty.resolve("report.html")).doesNotExist();
    }

    @Test
    void anExperimentFolderLinksTheReportsOfItsRuns() throws IOException {
        Path exp = dir.resolve("exp");
        RunFixture.search(exp.resolve("search/run-0"), true);
        RunFixture.evaluation(exp.resolve("evaluate/run-0"));
        Files.writeString(exp.resolve("pairs.csv"), "run,search_acc,eval_acc\n0,0.52,0.61\n");
        Files.writeString(exp.resolve("summary.json"), "{\"method\":\"kendall-b\",\"value\":null}");
        String html = Files.readString(new RunReport(NO_DOT).writeFolder(exp));
        assertThat(exp.resolve("search/run-0/report.html")).exists();
        assertThat(exp.resolve("evaluate/run-0/report.html")).exists();
        assertThat(html).contains("<a href=\"search/run-0/report.html\">search/run-0</a>")
                .contains("<a href=\"evaluate/run-0/report.html\">evaluate/run-0</a>")
                .contains("<h3>pairs.csv</h3>").contains("<td>0.61</td>")
                .contains("&quot;method&quot; : &quot;kendall-b&quot;")
                .contains("id=\"overlay-valid_acc\"").contains("id=\"overlay-test_acc\"");
        assertThat(exp.resolve("plots/runs-valid_acc.png")).exists();

        // writing the experiment's report again leaves its runs' up-to-date reports untouched
        var before = Files.getLastModifiedTime(exp.resolve("search/run-0/report.html"));
        Files.setLastModifiedTime(exp.resolve("evaluate/run-0/result.json"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        new RunReport(NO_DOT).writeFolder(exp);
        assertThat(Files.getLastModifiedTime(exp.resolve("search/run-0/report.html"))).isEqualTo(before);
        assertThat(RunReport.isStale(exp.resolve("evaluate/run-0"))).as("rewritten, but result.json is in the future")
                .isTrue();
    }

    @Test
    void theRefresherRewritesAfterEachEpochAndNeverThrows() throws IOException {
        Path run = RunFixture.search(dir.resolve("run"), false);
        ReportRefresher refresher = new ReportRefresher(run, new RunReport(NO_DOT));
        refresher.epochFinished(new EpochReport(2, 3, java.util.Map.of(), "", 1.0));
        assertThat(Files.readString(run.resolve("report.html"))).contains("3 epoch(s) recorded");
        Files.writeString(run.resolve("metrics.csv"), Files.readString(run.resolve("metrics.csv")).replace(
                "2,0.01,1.2,0.60,1.3,1.45,0.52,sep_conv_3x3@0+sep_conv_3x3@1,max_pool_3x3@0+avg_pool_3x3@1,11.5\n", ""));
        refresher.runFinished("done");
        assertThat(Files.readString(run.resolve("report.html"))).contains("2 epoch(s) recorded");
        // a folder that is not a run: logged, not thrown (a report must never stop a search)
        new ReportRefresher(dir.resolve("absent")).epochFinished(new EpochReport(0, 1, java.util.Map.of(), "", 1));
        try (var files = Files.list(run)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    /** The HTML of the element with {@code id} up to the next chart or section. */
    static String section(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"(.*?)(?=<div class=\"chart\"|</section>)",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("element %s", id).isTrue();
        return m.group(1);
    }
}
