package org.istanas.app.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.istanas.api.trial.TrialAttempt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver against a scripted executor: retries, failures, dependencies, capacity and re-attaching. */
final class TrialSchedulerTest {
    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();

    private TrialSpec trial(String id, String... after) {
        return new TrialSpec(id, List.of("search", "--out", dir.resolve(id).toString()), dir.resolve(id), List.of(after));
    }

    private TrialLedger run(FakeSession session, int attempts, TrialSpec... trials) throws IOException {
        return new TrialScheduler(dir, session, "fake", attempts, lines::add).run(List.of(trials));
    }

    @Test
    void anInterruptedTrialWithACheckpointIsResubmittedAsAResumeOfItsRunFolder() throws IOException {
        FakeSession.Cluster cluster = new FakeSession.Cluster();
        cluster.plan("a", "checkpoint-then-interrupt", "succeed");
        TrialLedger ledger = run(new FakeSession(cluster, 4), 3, trial("a"));

        assertThat(cluster.submitted).extracting(TrialAttempt::arguments).containsExactly(
                List.of("search", "--out", dir.resolve("a").toString()),
                List.of("resume", "--run", dir.resolve("a").toString()));
        TrialLedger.Trial a = ledger.trial("a");
        assertThat(a.state).isEqualTo("SUCCEEDED");
        assertThat(a.attempts).extracting(x -> x.mode).containsExactly("start", "resume");
        assertThat(a.attempts.get(0).state).isEqualTo("INTERRUPTED");
        assertThat(a.history).extracting(c -> c.state)
                .containsExactly("SUBMITTING", "PENDING", "WAITING", "SUBMITTING", "PENDING", "SUCCEEDED");
        assertThat(lines).anyMatch(l -> l.contains("interrupted (job 1 CANCELLED); retrying, attempt 2 of 3"));
        // the ledger on disk says the same
        assertThat(TrialLedger.open(dir).trial("a").attempts).hasSize(2);
    }

    @Test
    void anInterruptedTrialWithoutCheckpointStartsAfreshAndGivesUpAfterTheLastAttempt() throws IOException {
        FakeSession.Cluster cluster = new FakeSession.Cluster();
        cluster.plan("a", "interrupt", "interrupt");
        TrialLedger ledger = run(new FakeSession(cluster, 4), 2, trial("a"));
        assertThat(cluster.submitted).extracting(x -> x.arguments().get(0)).containsExactly("search", "search");
        assertThat(ledger.trial("a").state).isEqualTo("FAILED");
        assertThat(ledger.trial("a").reason).isEqualTo("interrupted 2 times, last: job 2 NODE_FAIL");
    }

    @Test
    void aTrialFailingByItselfIsNotRetriedItsDependentsAreSkippedAndItsLogTailIsShown() throws IOException {
        FakeSession.Cluster cluster = new FakeSession.Cluster();
        cluster.plan("search-0", "fail");
        StringWriter table = new StringWriter();
        assertThatThrownBy(() -> ExecutorChoice.runIn(new FakeSession(cluster, 4), "fake", 3, dir,
                List.of(trial("search-0"), trial("evaluate-0", "search-0"), trial("search-1")),
                new PrintWriter(table), new PrintWriter(new StringWriter())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("2 of 3 trials did not succeed")
                .hasMessageContaining("search-0 failed: exit code 1")
                .hasMessageContaining("evaluate-0 skipped: trial search-0 failed");
        assertThat(cluster.submitted).extracting(TrialAttempt::trialId).containsExactly("search-0", "search-1");
        TrialLedger ledger = TrialLedger.open(dir);
        assertThat(ledger.trial("search-0").attempts).hasSize(1);
        String failure = ledger.trial("search-0").history.get(ledger.trial("search-0").history.size() - 1).detail;
        assertThat(failure).contains("not retried", "| log line 6", "| log line 20").doesNotContain("| log line 5\n");
        assertThat(table.toString()).contains("search-0", "FAILED", "evaluate-0", "SKIPPED", "search-1", "SUCCEEDED");
    }

    @Test
    void aTrialWaitsForItsPredecessorAndNoMoreThanCapacityRunAtOnce() throws IOException {
        FakeSession.Cluster cluster = new FakeSession.Cluster();
        FakeSession session = new FakeSession(cluster, 2);
        run(session, 3, trial("s0"), trial("e0", "s0"), trial("s1"), trial("e1", "s1"), trial("s2"));
        List<String> order = cluster.submitted.stream().map(TrialAttempt::trialId).toList();
        assertThat(order.indexOf("e0")).isGreaterThan(order.indexOf("s0"));
        assertThat(order.indexOf("e1")).isGreaterThan(order.indexOf("s1"));
        assertThat(order).hasSize(5);
        assertThat(session.maxInFlight).isEqualTo(2);
    }

    @Test
    void aRestartedDriverObservesTheRecordedJobsInsteadOfSubmittingThemAgain() throws IOException {
        FakeSession.Cluster cluster = new FakeSession.Cluster();
        cluster.plan("a", "hang");
        cluster.plan("b", "hang");
        // the first driver dies once both jobs run
        RuntimeException killed = new RuntimeException("driver killed");
        assertThatThrownBy(() -> new TrialScheduler(dir, new FakeSession(cluster, 4), "fake", 3, line -> {
            lines.add(line);
            if (lines.stream().filter(l -> l.contains("RUNNING")).count() == 2) {
                throw killed;
            }
        }).run(List.of(trial("a"), trial("b")))).isSameAs(killed);
        assertThat(cluster.submitted).hasSize(2);

        // meanwhile the jobs end on the cluster
        cluster.outcomeOfJob.replaceAll((job, outcome) -> "succeed");
        TrialLedger ledger = run(new FakeSession(cluster, 4), 3, trial("a"), trial("b"));
        assertThat(cluster.submitted).hasSize(2);
        assertThat(ledger.trial("a").state).isEqualTo("SUCCEEDED");
        assertThat(ledger.trial("a").attempts).hasSize(1);
        assertThat(ledger.trial("b").attempts).hasSize(1);
    }

    @Test
    void aTrialWhoseRunFolderIsFinishedIsNotSubmitted() throws IOException {
        FakeSession.Cluster cluster = new FakeSession.Cluster();
        java.nio.file.Files.createDirectories(dir.resolve("a"));
        java.nio.file.Files.writeString(dir.resolve("a").resolve("result.json"), "{}");
        TrialLedger ledger = run(new FakeSession(cluster, 4), 3, trial("a"));
        assertThat(cluster.submitted).isEmpty();
        assertThat(ledger.trial("a").state).isEqualTo("SUCCEEDED");
        assertThat(ledger.trial("a").history.get(0).detail).isEqualTo("run folder finished earlier, reused");
    }

    @Test
    void anAnotherExecutorCannotTakeOverTrialsInFlight() throws IOException {
        FakeSession.Cluster cluster = new FakeSession.Cluster();
        cluster.plan("a", "hang");
        RuntimeException killed = new RuntimeException("driver killed");
        assertThatThrownBy(() -> new TrialScheduler(dir, new FakeSession(cluster, 4), "slurm", 3, line -> {
            if (line.contains("RUNNING")) {
                throw killed;
            }
        }).run(List.of(trial("a")))).isSameAs(killed);
        assertThatThrownBy(() -> run(new FakeSession(cluster, 4), 3, trial("a")))
                .hasMessageContaining("still in flight under executor 'slurm'; continue with --executor slurm");
    }
}
