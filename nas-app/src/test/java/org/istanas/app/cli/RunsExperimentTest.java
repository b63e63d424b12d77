package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.istanas.app.consistency.RunState;
import org.istanas.app.trial.JvmLaunch;
import org.istanas.app.trial.TrialLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search --runs N} as a resumable experiment (issue 15, item 5): a driver killed with -9 in run 1 leaves a
 * parent folder that {@code resume --run PARENT} finishes, with the summary and best genotype an uninterrupted
 * {@code search --runs N} writes.
 */
final class RunsExperimentTest {
    /** Tiny searches of 3 epochs of 2 steps with a checkpoint every 2 steps, so a run can be killed mid-way. */
    private static final List<String> SEARCH = List.of("search", "--runs", "2", "--seed", "3", "--preset", "smoke",
            "--dataset", "synthetic", "--dataset-option", "trainSize=200", "--dataset-option", "testSize=100",
            "--set", "epochs=3", "--set", "trainImages=64", "--set", "batchSize=16", "--set", "channels=2",
            "--set", "checkpointEverySteps=2", "--quiet");

    @TempDir
    Path dir;

    private static String[] search(Path out) {
        List<String> args = new ArrayList<>(SEARCH);
        args.addAll(List.of("--out", out.toString()));
        return args.toArray(String[]::new);
    }

    @Test
    void aSearchRunsParentKilledInRunOneIsFinishedByResume() throws Exception {
        Path whole = dir.resolve("whole");
        MainTest.Result uninterrupted = MainTest.run(search(whole));
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
        assertThat(uninterrupted.out()).contains("validation accuracy over 2 runs");

        Path killed = dir.resolve("killed");
        Process driver = new ProcessBuilder(JvmLaunch.current().command(List.of(), List.of(search(killed))))
                .redirectErrorStream(true).redirectOutput(dir.resolve("driver.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (RunState.of(killed.resolve("run-1")) != RunState.UNFINISHED && driver.isAlive()
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(driver.isAlive()).as("the driver is still in run 1: " + Files.readString(dir.resolve("driver.log")))
                .isTrue();
        driver.destroyForcibly().waitFor();
        assertThat(killed.resolve("summary.csv")).doesNotExist();

        MainTest.Result resumed = MainTest.run("resume", "--run", killed.toString(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("validation accuracy over 2 runs");
        assertThat(Files.readString(killed.resolve("summary.csv")).replace("killed", "X"))
                .isEqualTo(Files.readString(whole.resolve("summary.csv")).replace("whole", "X"));
        assertThat(killed.resolve("genotype.json")).hasSameTextualContentAs(whole.resolve("genotype.json"));
        for (int i = 0; i < 2; i++) {
            assertThat(killed.resolve("run-" + i + "/codes.csv")).hasSameTextualContentAs(
                    whole.resolve("run-" + i + "/codes.csv"));
        }
        TrialLedger.Trial run1 = TrialLedger.open(killed).trial("run-1");
        assertThat(run1.attempts).extracting(a -> a.mode).containsExactly("start", "resume");
        assertThat(TrialLedger.open(killed).trial("run-0").attempts).hasSize(1);

        // the same command again is refused with other settings, and reuses everything with the same
        List<String> other = new ArrayList<>(List.of(search(killed)));
        other.set(other.indexOf("3"), "4");
        MainTest.Result refused = MainTest.run(other.toArray(String[]::new));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("was started with other settings");
    }
}
