package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report and compare on real smoke runs (tiny: 64 synthetic images, 1 epoch): a two-stage search, a DARTS search
 * and an evaluation, each of which must leave a report.html written by the per-epoch refresher.
 */
final class ReportCommandsTest {
    static final String[] TINY = {"--dataset", "synthetic", "--dataset-option", "trainSize=64",
        "--dataset-option", "testSize=32", "--preset", "smoke", "--set", "epochs=1", "--set", "trainImages=64",
        "--set", "batchSize=16", "--set", "layers=3", "--set", "channels=2", "--quiet"};

    @TempDir
    static Path dir;

    @BeforeAll
    static void smokeRuns() throws Exception {
        run("search", "--strategy", "two-stage", "--seed", "1", "--out", dir.resolve("two").toString());
        run("search", "--strategy", "darts", "--seed", "2", "--out", dir.resolve("darts").toString());
        run("evaluate", "--genotype", "DARTS_V2", "--seed", "3", "--out", dir.resolve("eval").toString());
    }

    private static MainTest.Result run(String command, String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of(command));
        all.addAll(List.of(args));
        all.addAll(List.of(TINY));
        if (command.equals("evaluate")) {
            all.addAll(List.of("--set", "testImages=32"));
        }
        MainTest.Result r = MainTest.run(all.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    @Test
    void everyRunLeavesAReportAndReportRewritesItFromTheFolder() throws Exception {
        for (String name : List.of("two", "darts", "eval")) {
            Path report = dir.resolve(name).resolve("report.html");
            assertThat(report).exists();
            assertThat(Files.readString(report)).contains("id=\"curve-loss\"").contains("id=\"cells\"");
        }
        Path report = dir.resolve("two/report.html");
        Files.delete(report);
        MainTest.Result r = MainTest.run("report", "--run", dir.resolve("two").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().trim()).isEqualTo(report.toAbsolutePath().toString());
        assertThat(Files.readString(report)).contains("Search (two-stage): two").contains("curve-accuracy");
        assertThat(dir.resolve("two/plots/loss.svg")).exists();

        MainTest.Result bad = MainTest.run("report", "--run", dir.resolve("absent").toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("absent").contains("does not exist");
    }

    @Test
    void compareTabulatesTheRunsWithTheirOwnNumbers() throws Exception {
        Path out = dir.resolve("cmp");
        MainTest.Result r = MainTest.run("compare", dir.resolve("two").toString(), dir.resolve("darts").toString(),
                dir.resolve("eval").toString(), "--out", out.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode rows = json.readTree(r.out());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("strategy").asText()).isEqualTo("two-stage");
        assertThat(rows.get(1).get("strategy").asText()).isEqualTo("darts");
        assertThat(rows.get(2).get("kind").asText()).isEqualTo("evaluate");
        // the searches' final validation accuracy is the one their result.json reports
        for (int i = 0; i < 2; i++) {
            JsonNode result = json.readTree(dir.resolve(i == 0 ? "two" : "darts").resolve("result.json").toFile());
            assertThat(rows.get(i).get("finalValidAccuracy").asDouble())
                    .isEqualTo(result.get("validAccuracy").asDouble());
            assertThat(rows.get(i).get("genotype").asText()).startsWith("normal: ");
        }
        JsonNode evalResult = json.readTree(dir.resolve("eval/result.json").toFile());
        assertThat(rows.get(2).get("finalTestAccuracy").asDouble()).isEqualTo(evalResult.get("testAccuracy").asDouble());
        assertThat(rows.get(2).get("parameters").asLong()).isEqualTo(evalResult.get("parameters").asLong());

        assertThat(Files.readString(out.resolve("comparison.md"))).contains("| two | search | two-stage |")
                .contains("| darts | search | darts |").contains("| eval | evaluate | evaluate |");
        assertThat(Files.readString(out.resolve("comparison.html"))).contains("<a href=\"../two/report.html\">two</a>")
                .contains("id=\"overlay-train_loss\"");
        assertThat(out.resolve("plots/compare-train_loss.png")).exists();
    }
}
