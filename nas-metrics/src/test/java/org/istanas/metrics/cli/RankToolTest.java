package org.istanas.metrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.istanas.metrics.TopK;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RankToolTest {
    private static final int ROWS = 5000;

    @TempDir
    Path dir;

    private Path csv;
    /** The rows that the tool must keep, computed while writing the file. */
    private double[] keptX;
    private double[] keptY;
    private int badRows;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeLargeCsv() throws IOException {
        SplittableRandom random = new SplittableRandom(99);
        StringBuilder text = new StringBuilder("arch,proxy_acc,standalone_acc,params\n");
        keptX = new double[ROWS];
        keptY = new double[ROWS];
        int kept = 0;
        for (int i = 0; i < ROWS; i++) {
            double proxy = Math.round(random.nextDouble() * 400) / 10.0 + 50; // 0.1 grid: many ties
            double standalone = Math.round((proxy * 0.5 + random.nextDouble() * 20) * 100) / 100.0;
            String proxyCell = Double.toString(proxy);
            String standaloneCell = Double.toString(standalone);
            switch (i % 97) {
                case 3 -> proxyCell = "";
                case 5 -> standaloneCell = "n/a";
                case 7 -> proxyCell = "Infinity";
                default -> {
                    keptX[kept] = proxy;
                    keptY[kept] = standalone;
                    kept++;
                }
            }
            text.append("a").append(i).append(',').append(proxyCell).append(',').append(standaloneCell)
                    .append(",123\n");
        }
        keptX = Arrays.copyOf(keptX, kept);
        keptY = Arrays.copyOf(keptY, kept);
        badRows = ROWS - kept;
        csv = dir.resolve("archs.csv");
        Files.writeString(csv, text);
    }

    private int run(RankOptions options) {
        return new RankTool().run(options, new PrintWriter(out), new PrintWriter(err));
    }

    private RankOptions options(String method, Integer topK, Integer bootstrap, boolean json) {
        return new RankOptions(csv, "proxy_acc", "standalone_acc", method, topK, bootstrap, 7, 0.9, json);
    }

    @Test
    void jsonReportOnThousandsOfRowsMatchesIndependentImplementations() throws IOException {
        assertThat(run(options("kendall-b", 50, 200, true))).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("method").asText()).isEqualTo("kendall-b");
        assertThat(json.get("n").asInt()).isEqualTo(keptX.length);
        assertThat(json.get("skipped").asInt()).isEqualTo(badRows).isGreaterThan(100);
        assertThat(json.get("value").asDouble())
                .isCloseTo(new KendallsCorrelation().correlation(keptX, keptY), within(1e-12));
        assertThat(json.get("pValue").asDouble()).isBetween(0.0, 1e-6); // strongly related by construction
        assertThat(json.get("statisticName").asText()).isEqualTo("z");
        assertThat(json.get("pValueExact").isNull()).isTrue(); // ties and n > 50
        assertThat(json.get("skippedRows").get(0).get("row").asInt()).isEqualTo(4);
        assertThat(json.get("skippedRows").get(0).get("reason").asText()).isEqualTo("x value is empty");
        JsonNode ci = json.get("ci");
        assertThat(ci.get(0).asDouble()).isLessThan(json.get("value").asDouble());
        assertThat(ci.get(1).asDouble()).isGreaterThan(json.get("value").asDouble());
        assertThat(json.get("ciLevel").asDouble()).isEqualTo(0.9);
        assertThat(json.get("bootstrap").asInt()).isEqualTo(200);
        assertThat(json.get("seed").asLong()).isEqualTo(7);
        assertThat(json.get("topK").asInt()).isEqualTo(50);
        assertThat(json.get("topKOverlap").asDouble()).isEqualTo(TopK.overlap(keptX, keptY, 50));
        assertThat(json.get("precisionAtK").asDouble()).isEqualTo(TopK.precisionAtK(keptX, keptY, 50));
        assertThat(err.toString()).startsWith("warning: skipped " + badRows + " row(s)")
                .contains("the first 10: row 4: x value is empty; row 6: y value 'n/a' is not a number; "
                        + "row 8: x value 'Infinity' is not finite");
    }

    @Test
    void textReportAndOptionalFields() {
        assertThat(run(options("spearman", null, null, false))).isZero();
        double rho = new SpearmansCorrelation().correlation(keptX, keptY);
        String text = out.toString();
        assertThat(text).startsWith(String.format(java.util.Locale.ROOT,
                "spearman = %.4f  (n = %d pairs of proxy_acc vs standalone_acc from %s; %d row(s) skipped)",
                rho, keptX.length, csv, badRows));
        assertThat(text).contains("p-value < 1e-300").contains("Student t with n-2 degrees of freedom; t = ");
        assertThat(text).doesNotContain("CI").doesNotContain("top-");

        out.getBuffer().setLength(0);
        assertThat(run(options("kendall-a", 10, 100, false))).isZero();
        assertThat(out.toString()).contains("90% CI = [").contains("percentile bootstrap, 100 resamples, seed 7")
                .contains("top-10 overlap = ");
    }

    @Test
    void jsonWithoutOptionsHasNoCiOrTopKFields() throws IOException {
        assertThat(run(options("kendall-a", null, null, true))).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.has("ci")).isFalse();
        assertThat(json.has("topK")).isFalse();
        assertThat(json.get("value").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void missingColumnListsAvailableColumns() {
        RankOptions o = new RankOptions(csv, "proxy", "standalone_acc", "kendall-b", null, null, 1, 0.95, false);
        assertThat(run(o)).isEqualTo(RankTool.INPUT_ERROR);
        assertThat(err.toString()).isEqualTo("istanas: column 'proxy' (--x) not found in " + csv
                + "; available columns: arch, proxy_acc, standalone_acc, params" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingFileAndUnknownMethodAreReported() {
        Path missing = dir.resolve("missing.csv");
        assertThat(run(RankOptions.of(missing, "a", "b"))).isEqualTo(RankTool.FAILURE);
        assertThat(err.toString()).contains("istanas: CSV file not found: " + missing);
        err.getBuffer().setLength(0);
        assertThat(run(options("pearson", null, null, false))).isEqualTo(RankTool.INPUT_ERROR);
        assertThat(err.toString()).contains("unknown correlation method 'pearson'; expected one of kendall-a, "
                + "kendall-b, spearman");
    }

    @Test
    void constantColumnAndTooFewRowsAreExplained() throws IOException {
        Path file = dir.resolve("constant.csv");
        Files.writeString(file, "a,b\n1,5\n2,5\n3,5\n");
        assertThat(run(RankOptions.of(file, "a", "b"))).isEqualTo(RankTool.FAILURE);
        assertThat(err.toString()).contains("istanas: kendall-b of a (x) and b (y) in " + file
                + ": Kendall's tau-b is undefined: y is constant");
        err.getBuffer().setLength(0);
        Files.writeString(file, "a,b\n1,5\n2,\n");
        assertThat(run(RankOptions.of(file, "a", "b"))).isEqualTo(RankTool.FAILURE);
        assertThat(err.toString()).contains("has 1 usable row(s) for a and b; at least 2 are needed (1 skipped: "
                + "row 2: y value is empty)");
        err.getBuffer().setLength(0);
        Files.writeString(file, "a,b\n1,5\n2,6\n");
        assertThat(run(new RankOptions(file, "a", "b", "kendall-b", 3, null, 1, 0.95, false)))
                .isEqualTo(RankTool.INPUT_ERROR);
        assertThat(err.toString()).contains("--top-k 3 exceeds the 2 usable rows");
    }

    @Test
    void smallUntiedSampleAlsoGetsTheExactPValue() throws IOException {
        // x = 1..5, y = 1 2 3 5 4: one discordant pair; exact p = 2 P(D <= 1) = 2 (1 + 4) / 120
        Path file = dir.resolve("five.csv");
        Files.writeString(file, "a,b\n1,1\n2,2\n3,3\n4,5\n5,4\n");
        assertThat(run(new RankOptions(file, "a", "b", "kendall-a", null, null, 1, 0.95, true))).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("value").asDouble()).isCloseTo(0.8, within(1e-15));
        assertThat(json.get("pValueExact").asDouble()).isCloseTo(10.0 / 120, within(1e-12));
        out.getBuffer().setLength(0);
        assertThat(run(new RankOptions(file, "a", "b", "kendall-a", null, null, 1, 0.95, false))).isZero();
        assertThat(out.toString()).contains("exact p-value = 0.0833  (two-sided permutation test; no ties, n <= 50)");
    }

    @Test
    void spearmanOnTwoRowsHasNoPValue() throws IOException {
        Path file = dir.resolve("two.csv");
        Files.writeString(file, "a,b\n1,5\n2,6\n");
        assertThat(run(new RankOptions(file, "a", "b", "spearman", null, null, 1, 0.95, true))).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("value").asDouble()).isEqualTo(1.0);
        assertThat(json.get("pValue").isNull()).isTrue();
    }
}
