package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.istanas.metrics.SeedSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code istanas ablation} end to end on tiny searches, and its refusals before anything runs. */
final class AblationCommandTest {
    @TempDir
    Path dir;

    @Test
    void theSolverAblationRunsEveryVariantAndSummarisesEachFromItsRunFolders() throws Exception {
        Path out = dir.resolve("ablation");
        MainTest.Result r = MainTest.run("ablation", "--vary", "solver=fista,lp", "--runs", "2", "--seed", "4",
                "--preset", "smoke", "--dataset", "synthetic", "--dataset-option", "trainSize=200",
                "--dataset-option", "testSize=100", "--set", "epochs=1", "--set", "trainImages=64",
                "--set", "batchSize=16", "--set", "channels=2", "--out", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("variants")).hasSize(2);
        for (int v = 0; v < 2; v++) {
            String name = "solver=" + List.of("fista", "lp").get(v);
            double[] acc = new double[2];
            for (int i = 0; i < 2; i++) {
                acc[i] = new ObjectMapper().readTree(out.resolve(name + "/run-" + i + "/result.json").toFile())
                        .get("validAccuracy").asDouble();
                JsonNode provenance = new ObjectMapper().readTree(out.resolve(name + "/run-" + i
                        + "/provenance.json").toFile());
                assertThat(provenance.toString()).contains("\"solver\":\"" + name.substring(7) + "\"");
            }
            JsonNode variant = summary.get("variants").get(v);
            assertThat(variant.get("variant").asText()).isEqualTo(name);
            assertThat(variant.at("/validAccuracy/values/0").asDouble()).isEqualTo(acc[0]);
            assertThat(r.out()).contains(name, SeedSummary.of(acc).toText(4));
        }
        assertThat(Files.readAllLines(out.resolve("runs.csv"))).hasSize(5);
        assertThat(out.resolve("variants.png")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("variants.svg"))).contains(">solver=fista<", ">solver=lp<");
        assertThat(Files.readString(out.resolve("report.html"))).contains("variants.png");
        // run again: everything is reused
        MainTest.Result again = MainTest.run("ablation", "--vary", "solver=fista,lp", "--runs", "2", "--seed", "4",
                "--preset", "smoke", "--dataset", "synthetic", "--dataset-option", "trainSize=200",
                "--dataset-option", "testSize=100", "--set", "epochs=1", "--set", "trainImages=64",
                "--set", "batchSize=16", "--set", "channels=2", "--out", out.toString(), "--quiet");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo(r.out());
    }

    @Test
    void badVariationsAreRefusedBeforeAnyFolderIsMade() {
        Path out = dir.resolve("none");
        MainTest.Result twice = MainTest.run("ablation", "--vary", "solver=fista,fista", "--runs", "1", "--out",
                out.toString());
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("values must be non-empty and distinct");
        MainTest.Result unknown = MainTest.run("ablation", "--vary", "solver=fista,mosek", "--runs", "1", "--out",
                out.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown solver 'mosek'");
        MainTest.Result badKey = MainTest.run("ablation", "--vary", "notakey=1,2", "--runs", "1", "--out",
                out.toString());
        assertThat(badKey.exitCode()).isEqualTo(2);
        MainTest.Result executor = MainTest.run("ablation", "--vary", "solver=fista,lp", "--runs", "1", "--out",
                out.toString(), "--executor", "kubernetes");
        assertThat(executor.exitCode()).isEqualTo(2);
        assertThat(executor.err()).contains("unknown executor 'kubernetes'; known: [local, slurm]");
        assertThat(out).doesNotExist();
    }
}
