package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.istanas.api.trial.TrialLaunch;
import org.istanas.app.trial.JvmLaunch;
import org.istanas.data.cifar.Cifar10Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of off-heap memory for real: {@code evaluate} in a child JVM whose JavaCPP physical-memory limit
 * (the one the launcher sets, issue 19) is far below what one training step needs ends with one line and exit code
 * 1, and the run folder resumes from its last checkpoint to the result of an uninterrupted run.
 */
final class OutOfMemoryChildJvmTest {
    /** The JVM with ND4J loaded stays below this; one step at batch 128 x 16 channels needs well above 1 GB. */
    private static final String LIMIT = "-Dorg.bytedeco.javacpp.maxphysicalbytes=700m";

    @TempDir
    Path dir;

    private List<String> evaluate(Path data, Path out) {
        return List.of("evaluate", "--dataset", "cifar10", "--data-dir", data.toString(), "--genotype", "DARTS_V2",
                "--preset", "smoke", "--seed", "3", "--set", "epochs=1", "--set", "trainImages=128", "--set",
                "testImages=32", "--set", "batchSize=128", "--set", "channels=16", "--out", out.toString(),
                "--quiet");
    }

    @Test
    void aStepBeyondTheOffHeapLimitEndsWithOneLineAndTheRunResumes() throws Exception {
        Path data = Cifar10Writer.writeSynthetic(dir.resolve("cifar10"), 128, 32, 5);
        Path run = dir.resolve("oom");
        TrialLaunch launch = JvmLaunch.current();
        ProcessBuilder builder = new ProcessBuilder(launch.command(List.of(LIMIT, "-Xmx512m"), evaluate(data, run)))
                .redirectOutput(dir.resolve("child.out").toFile()).redirectError(dir.resolve("child.err").toFile());
        builder.environment().putAll(launch.environment());
        Process child = builder.start();
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("child finished").isTrue();
        String err = Files.readString(dir.resolve("child.err"));

        assertThat(child.exitValue()).as(err).isEqualTo(1);
        List<String> reports = new ArrayList<>(Arrays.stream(err.split("\n"))
                .filter(line -> line.startsWith("istanas: ")).toList());
        assertThat(reports).as(err).hasSize(1);
        assertThat(reports.get(0)).contains("out of off-heap (native) memory: physicalBytes (",
                "> maxPhysicalBytes (700M)", "5-cell x 16-channel network at batch 128", "--set batchSize=",
                "istanas resume --run " + run);
        assertThat(err).as("no stack trace").doesNotContain("\tat ", "Exception in thread");
        assertThat(run.resolve("result.json")).doesNotExist();
        try (var checkpoints = Files.list(run.resolve("checkpoints"))) {
            assertThat(checkpoints.count()).as("the checkpoint before the first step").isPositive();
        }

        MainTest.Result resumed = MainTest.run("resume", "--run", run.toString(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        Path whole = dir.resolve("whole");
        MainTest.Result uninterrupted = MainTest.run(evaluate(data, whole).toArray(String[]::new));
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
        assertThat(withoutSeconds(run.resolve("metrics.csv"))).isEqualTo(withoutSeconds(whole.resolve("metrics.csv")))
                .hasSize(2);
    }

    /** metrics.csv without its last column (wall-clock seconds). */
    private static List<String> withoutSeconds(Path metrics) throws java.io.IOException {
        return Files.readAllLines(metrics).stream().map(line -> line.substring(0, line.lastIndexOf(','))).toList();
    }
}
