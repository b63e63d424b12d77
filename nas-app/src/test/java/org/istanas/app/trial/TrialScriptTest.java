package org.istanas.app.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.istanas.api.trial.TrialAttempt;
import org.istanas.api.trial.TrialLaunch;
import org.istanas.api.trial.TrialObservation;
import org.istanas.api.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trial script (shared by local and Slurm trials) run by bash for real, with {@code /bin/sh -c} standing in for
 * Java, and what its exit record means.
 */
final class TrialScriptTest {
    @TempDir
    Path dir;

    /** A launch whose "java" is sh running {@code body}, so that the positional parameters are the command line. */
    private TrialLaunch shell(String body) {
        return new TrialLaunch("/bin/sh", List.of("-c", body, "sh"), "a.jar:b.jar", "org.example.Main",
                Map.of("ISTANAS_TEST_VAR", "it's set"), dir.toString());
    }

    private TrialAttempt attempt(List<String> args) {
        return new TrialAttempt("search-0", 1, args, dir.resolve("run"), dir.resolve("t/attempt-1.sh"),
                dir.resolve("t/attempt-1.log"), dir.resolve("t/attempt-1.exit"));
    }

    private int runScript(TrialLaunch launch, TrialAttempt attempt) throws Exception {
        Files.createDirectories(attempt.script().getParent());
        Files.write(attempt.script(), launch.script(List.of("#SBATCH --job-name=x"), List.of("-Dx=1"), attempt));
        Process p = new ProcessBuilder("bash", attempt.script().toString()).redirectErrorStream(true)
                .redirectOutput(attempt.log().toFile()).start();
        return p.waitFor();
    }

    @Test
    void theScriptPassesEveryArgumentIntactAndRecordsTheExitCode() throws Exception {
        TrialLaunch launch = shell("printf '%s\\n' \"$ISTANAS_TEST_VAR\" \"$(pwd)\" \"$@\"; exit 3");
        TrialAttempt attempt = attempt(List.of("search", "--set", "note=it's a b", "--out", "$HOME/x"));
        assertThat(runScript(launch, attempt)).isEqualTo(3);
        assertThat(Files.readAllLines(attempt.log())).containsExactly("it's set", dir.toString(), "-Dx=1", "-cp",
                "a.jar:b.jar", "org.example.Main", "search", "--set", "note=it's a b", "--out", "$HOME/x");
        assertThat(Files.readString(attempt.exitFile()).trim()).isEqualTo("3");
        assertThat(Files.readString(attempt.script())).startsWith("#!/usr/bin/env bash\n#SBATCH --job-name=x\n");
    }

    @Test
    void exitRecordsTellSuccessFromOwnFailureFromAKillFromOutside() throws IOException {
        Path exit = dir.resolve("e");
        assertThat(ExitRecords.ended(exit, "n", "job 7 CANCELLED"))
                .isEqualTo(new TrialObservation(TrialState.INTERRUPTED, "n", "job 7 CANCELLED"));
        Files.writeString(exit, "0\n");
        assertThat(ExitRecords.ended(exit, "n", "-").state()).isEqualTo(TrialState.SUCCEEDED);
        Files.writeString(exit, "1\n");
        assertThat(ExitRecords.ended(exit, "n", "-")).isEqualTo(new TrialObservation(TrialState.FAILED, "n",
                "exit code 1"));
        Files.writeString(exit, "2\n");
        assertThat(ExitRecords.ended(exit, "n", "-").state()).isEqualTo(TrialState.FAILED);
        Files.writeString(exit, "137\n");
        assertThat(ExitRecords.ended(exit, "n", "-")).isEqualTo(new TrialObservation(TrialState.INTERRUPTED, "n",
                "killed by signal 9"));
    }

    @Test
    void slurmStatesMapToWaitingRunningOrEndedAsDocsClusterMdSays() {
        assertThat(SlurmStates.of("PENDING")).isEqualTo(TrialState.PENDING);
        assertThat(SlurmStates.of("CONFIGURING")).isEqualTo(TrialState.PENDING);
        assertThat(SlurmStates.of("REQUEUED")).isEqualTo(TrialState.PENDING);
        assertThat(SlurmStates.of("RUNNING")).isEqualTo(TrialState.RUNNING);
        assertThat(SlurmStates.of("COMPLETING")).isEqualTo(TrialState.RUNNING);
        for (String ended : List.of("COMPLETED", "FAILED", "CANCELLED by 0", "TIMEOUT", "PREEMPTED", "NODE_FAIL",
                "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE")) {
            assertThat(SlurmStates.of(ended)).as(ended).isNull();
        }
    }

    @Test
    void unknownExecutorsAndOptionsAreRefusedNamingWhatIsKnown() {
        org.istanas.app.plugin.PluginRegistry registry = org.istanas.app.plugin.PluginRegistry.builder()
                .add(new ExecutorPlugin(), "test").build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExecutorChoice("kubernetes", Map.of())
                .resolve(registry)).hasMessage("unknown executor 'kubernetes'; known: [local, slurm]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExecutorChoice("local", Map.of("partition", "x"))
                .resolve(registry)).hasMessage("--executor-option partition: executor 'local' has no such option; "
                + "known: [attempts, threads, workers]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExecutorChoice("local", Map.of("attempts", "0"))
                .attempts()).hasMessage("--executor-option attempts=0: expected a whole number >= 1");
    }
}
