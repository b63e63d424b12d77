package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.istanas.metrics.Kendall;
import org.istanas.metrics.Spearman;
import org.istanas.metrics.io.CsvPairs;
import org.istanas.metrics.io.PairedColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code istanas consistency} end to end on CIFAR-10-format files with the real engine (tiny searches and evaluations). */
final class ConsistencyCommandTest {
    /** Smaller than the smoke presets, so that two searches and two evaluations take well under a minute. */
    private static final List<String> TINY = List.of(
            "--search-set", "epochs=1", "--search-set", "trainImages=64", "--search-set", "batchSize=16",
            "--search-set", "channels=2",
            "--eval-set", "epochs=1", "--eval-set", "trainImages=64", "--eval-set", "testImages=64",
            "--eval-set", "batchSize=16", "--eval-set", "layers=3", "--eval-set", "channels=4");

    @TempDir
    Path dir;

    private MainTest.Result consistency(Path data, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("consistency", "--strategy", "two-stage", "--runs", "2",
                "--preset", "smoke", "--dataset", "cifar10", "--data-dir", data.toString(), "--seed", "5",
                "--out", out.toString(), "--quiet"));
        args.addAll(TINY);
        args.addAll(List.of(extra));
        return MainTest.run(args.toArray(String[]::new));
    }

    @Test
    void smokeExperimentWritesPairsPlotAndTauAndARerunTrainsNothing() throws IOException {
        Path data = RunCommandsTest.tinyCifar10(dir);
        Path out = dir.resolve("experiment");
        MainTest.Result r = consistency(data, out);
        assertThat(r.exitCode()).as(r.err()).isZero();

        PairedColumns csv = CsvPairs.read(out.resolve("pairs.csv"), "search_acc", "eval_acc");
        assertThat(csv.n()).isEqualTo(2);
        assertThat(ImageIO.read(out.resolve("scatter.png").toFile())).isNotNull();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("method").asText()).isEqualTo("kendall-b");
        // The coefficient of the run equals nas-metrics' on the written CSV; at this scale both accuracies may tie,
        // and then tau-b must be reported undefined instead.
        if (constant(csv.x()) || constant(csv.y())) {
            assertThat(summary.get("value").isNull()).isTrue();
            assertThat(summary.get("undefined").asText()).contains("kendall-b is undefined");
            assertThat(r.out()).contains("kendall-b is undefined");
        } else {
            assertThat(summary.get("value").asDouble()).isEqualTo(Kendall.tauB(csv.x(), csv.y()));
            assertThat(summary.at("/correlations/spearman/value").asDouble()).isEqualTo(Spearman.rho(csv.x(), csv.y()));
            assertThat(r.out()).contains("kendall-b = ");
        }
        assertThat(summary.at("/correlations/kendall-a/value").asDouble()).isEqualTo(Kendall.tauA(csv.x(), csv.y()));
        for (int i = 0; i < 2; i++) {
            assertThat(out.resolve("search/run-" + i + "/result.json")).exists();
            assertThat(out.resolve("evaluate/run-" + i + "/model.bin")).exists();
        }

        Map<String, FileTime> before = snapshot(out.resolve("search"), out.resolve("evaluate"));
        MainTest.Result again = consistency(data, out);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(snapshot(out.resolve("search"), out.resolve("evaluate"))).isEqualTo(before);
        assertThat(again.out()).contains("reused 4 finished run(s), trained or resumed 0");
        assertThat(CsvPairs.read(out.resolve("pairs.csv"), "search_acc", "eval_acc")).isEqualTo(csv);
    }

    @Test
    void badMethodPresetAndRunsAreUsageErrorsBeforeAnyTraining() {
        Path out = dir.resolve("none");
        MainTest.Result method = MainTest.run("consistency", "--runs", "2", "--method", "pearson", "--out",
                out.toString());
        assertThat(method.exitCode()).isEqualTo(2);
        assertThat(method.err()).contains("--method: unknown correlation method 'pearson'", "kendall-b");
        MainTest.Result preset = MainTest.run("consistency", "--runs", "2", "--preset", "demo", "--out",
                out.toString());
        assertThat(preset.exitCode()).isEqualTo(2);
        assertThat(preset.err()).contains("--preset 'demo' must be a preset of both strategy two-stage and evaluate",
                "paper", "cpu", "smoke");
        MainTest.Result runs = MainTest.run("consistency", "--runs", "0", "--out", out.toString());
        assertThat(runs.exitCode()).isEqualTo(2);
        assertThat(runs.err()).contains("--runs must be at least 1, got 0");
        assertThat(out).doesNotExist();
    }

    private static boolean constant(double[] v) {
        return java.util.Arrays.stream(v).distinct().count() == 1;
    }

    private static Map<String, FileTime> snapshot(Path... roots) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    times.put(f + " " + Files.size(f), Files.getLastModifiedTime(f));
                }
            }
        }
        return times;
    }
}
