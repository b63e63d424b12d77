package org.istanas.app.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.istanas.app.consistency.RunState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trials on a real Slurm (the one-node cluster .ci/slurm-up starts): a consistency experiment through slurm equals
 * the same through local, a cancelled job is resubmitted as a resume with the same results, and a killed driver
 * re-attaches without submitting anything twice. Skipped, saying so, where sbatch is absent.
 */
final class SlurmTrialsTest {
    /** Tiny searches (4 epochs of 2 steps, a checkpoint every 2 steps, so a job can be cancelled mid-run). */
    private static final List<String> TINY = List.of("--preset", "smoke", "--dataset", "synthetic",
            "--dataset-option", "trainSize=200", "--dataset-option", "testSize=100",
            "--search-set", "epochs=4", "--search-set", "trainImages=64", "--search-set", "batchSize=16",
            "--search-set", "channels=2", "--search-set", "checkpointEverySteps=2",
            "--eval-set", "epochs=1", "--eval-set", "trainImages=64", "--eval-set", "testImages=64",
            "--eval-set", "batchSize=16", "--eval-set", "layers=3", "--eval-set", "channels=4");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSlurm() throws IOException {
        boolean present = Commands.onPath("sbatch") && Commands.onPath("sinfo");
        assumeTrue(present, "sbatch not found: the Slurm tests need a Slurm cluster (.ci/slurm-up starts one)");
        Commands.Output sinfo = Commands.run(List.of("sinfo", "-h", "-o", "%T"));
        assumeTrue(sinfo.exitCode() == 0 && sinfo.text().matches("(?s).*(idle|mixed|allocated).*"),
                "no Slurm node is up (sinfo: " + sinfo.text() + "); .ci/slurm-up starts one");
    }

    private static List<String> consistency(Path out, int runs, String executor, String... options) {
        List<String> args = new ArrayList<>(List.of("consistency", "--runs", Integer.toString(runs), "--seed", "5",
                "--out", out.toString(), "--executor", executor));
        args.addAll(TINY);
        for (String o : options) {
            args.addAll(List.of("--executor-option", o));
        }
        return args;
    }

    @Test
    void slurmEqualsLocalAndACancelledJobIsResubmittedAsAResume() throws Exception {
        Path local = dir.resolve("local");
        Path slurm = dir.resolve("slurm");
        CompletableFuture<Result> slurmRun = CompletableFuture.supplyAsync(() -> run(
                consistency(slurm, 3, "slurm", "cpus-per-task=1", "poll=0.5")));
        // cancel search-0's job once it has written a checkpoint
        TrialLedger.Attempt first = await(slurm, "search-0", a -> a.handle != null
                && RunState.of(slurm.resolve("search/run-0")) == RunState.UNFINISHED);
        Commands.run(List.of("scancel", first.handle));
        Result localRun = run(consistency(local, 3, "local", "workers=2", "threads=1"));
        assertThat(localRun.exitCode()).as(localRun.err()).isZero();
        Result slurmResult = slurmRun.get(10, TimeUnit.MINUTES);
        assertThat(slurmResult.exitCode()).as(slurmResult.err()).isZero();

        assertThat(Files.readString(slurm.resolve("pairs.csv"))).isEqualTo(Files.readString(local.resolve("pairs.csv")));
        for (int i = 0; i < 3; i++) {
            assertThat(slurm.resolve("search/run-" + i + "/genotype.json")).hasSameTextualContentAs(
                    local.resolve("search/run-" + i + "/genotype.json"));
            assertThat(slurm.resolve("search/run-" + i + "/codes.csv")).hasSameTextualContentAs(
                    local.resolve("search/run-" + i + "/codes.csv"));
        }
        TrialLedger.Trial cancelled = TrialLedger.open(slurm).trial("search-0");
        assertThat(cancelled.attempts).extracting(a -> a.mode).containsExactly("start", "resume");
        assertThat(cancelled.attempts.get(0).state).isEqualTo("INTERRUPTED");
        assertThat(cancelled.attempts.get(0).detail).contains("CANCELLED");
        assertThat(cancelled.attempts.get(1).arguments).containsExactly("resume", "--run",
                slurm.resolve("search/run-0").toAbsolutePath().toString());
        assertThat(slurmResult.err()).contains("retrying, attempt 2 of 3");
        assertThat(slurmResult.out()).containsPattern("search-0 +SUCCEEDED +2 ");
        // the job scripts are in the experiment folder, with the options given
        assertThat(Files.readString(slurm.resolve("trials/search-0/attempt-2.sh"))).contains(
                "#SBATCH --cpus-per-task=1", "'resume'");
    }

    @Test
    void aKilledDriverReattachesToItsJobsAndSubmitsNothingTwice() throws Exception {
        Path out = dir.resolve("killed");
        List<String> command = JvmLaunch.current().command(List.of(), consistency(out, 2, "slurm",
                "cpus-per-task=1", "poll=0.5"));
        Process driver = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("driver.log").toFile()).start();
        await(out, "search-1", a -> a.handle != null);
        driver.destroyForcibly().waitFor();
        List<String> jobsBefore = jobs(out);
        assertThat(jobsBefore).hasSize(2);

        Result again = run(consistency(out, 2, "slurm", "cpus-per-task=1", "poll=0.5"));
        assertThat(again.exitCode()).as(again.err()).isZero();
        TrialLedger ledger = TrialLedger.open(out);
        for (String trial : List.of("search-0", "search-1", "evaluate-0", "evaluate-1")) {
            assertThat(ledger.trial(trial).attempts).as(trial).hasSize(1);
            assertThat(ledger.trial(trial).state).isEqualTo("SUCCEEDED");
        }
        // Slurm itself saw one job per trial: the two searches of the first driver, the two evaluations of the second
        List<String> jobsAfter = jobs(out);
        assertThat(jobsAfter).hasSize(4).containsAll(jobsBefore);
        assertThat(ledger.trial("search-0").attempts.get(0).handle).isIn(jobsBefore);
    }

    /** The Slurm job ids of an experiment, by the job-name prefix its executor gives them. */
    private static List<String> jobs(Path experiment) throws IOException {
        String prefix = "istanas-" + Integer.toHexString(experiment.toAbsolutePath().normalize().toString().hashCode())
                + "-";
        Commands.Output q = Commands.run(List.of("squeue", "-h", "--states=all", "-o", "%i %j"));
        return q.text().lines().map(String::trim).filter(l -> l.contains(" " + prefix))
                .map(l -> l.split(" ")[0]).toList();
    }

    /** Waits until the last attempt of {@code trial} in the ledger satisfies {@code condition}. */
    private static TrialLedger.Attempt await(Path experiment, String trial, IoPredicate condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            if (Files.isRegularFile(experiment.resolve(TrialLedger.FILE))) {
                TrialLedger.Attempt last = TrialLedger.open(experiment).trial(trial).last();
                if (last != null && condition.test(last)) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("trial " + trial + " did not get there in 5 minutes");
    }

    private interface IoPredicate {
        boolean test(TrialLedger.Attempt a) throws IOException;
    }

    record Result(int exitCode, String out, String err) {
    }

    /** Runs the command line in this JVM, as the {@code istanas} launcher would. */
    static Result run(List<String> args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.istanas.app.Main.run(args.toArray(String[]::new), new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
