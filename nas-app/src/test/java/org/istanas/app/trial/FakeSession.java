package org.istanas.app.trial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.istanas.api.run.RunFolder;
import org.istanas.api.trial.TrialAttempt;
import org.istanas.api.trial.TrialHandle;
import org.istanas.api.trial.TrialObservation;
import org.istanas.api.trial.TrialSession;
import org.istanas.api.trial.TrialState;

/**
 * A scripted executor: each attempt of a trial follows the outcome queued for it ("succeed", "fail", "interrupt",
 * "checkpoint-then-interrupt", "hang"), writing the run-folder files a real trial would. Its jobs live in a {@link
 * Cluster} that outlives a session, as Slurm outlives a killed driver.
 */
final class FakeSession implements TrialSession {
    /** The jobs, shared by the sessions of successive drivers. */
    static final class Cluster {
        final Map<String, String> outcomeOfJob = new HashMap<>();
        final Map<String, Deque<String>> plan = new HashMap<>();
        final List<TrialAttempt> submitted = new ArrayList<>();

        void plan(String trial, String... outcomes) {
            plan.put(trial, new ArrayDeque<>(List.of(outcomes)));
        }
    }

    private final Cluster cluster;
    private final int capacity;
    int maxInFlight;
    private int inFlight;

    FakeSession(Cluster cluster, int capacity) {
        this.cluster = cluster;
        this.capacity = capacity;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public double pollSeconds() {
        return 0;
    }

    @Override
    public TrialHandle submit(TrialAttempt attempt) {
        String id = Integer.toString(cluster.submitted.size() + 1);
        cluster.submitted.add(attempt);
        Deque<String> plan = cluster.plan.get(attempt.trialId());
        cluster.outcomeOfJob.put(id, plan == null || plan.isEmpty() ? "succeed" : plan.poll());
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        return new TrialHandle(id, "");
    }

    @Override
    public TrialObservation observe(TrialHandle handle, TrialAttempt attempt) throws IOException {
        String outcome = cluster.outcomeOfJob.get(handle.id());
        Path run = attempt.runFolder();
        switch (outcome) {
            case "hang" -> {
                return new TrialObservation(TrialState.RUNNING, "node1", "running");
            }
            case "succeed" -> {
                Files.createDirectories(run);
                Files.writeString(run.resolve(RunFolder.RESULT), "{}");
                inFlight--;
                return new TrialObservation(TrialState.SUCCEEDED, "node1", "exit code 0");
            }
            case "fail" -> {
                Files.createDirectories(attempt.log().getParent());
                StringBuilder log = new StringBuilder();
                for (int i = 1; i <= 20; i++) {
                    log.append("log line ").append(i).append('\n');
                }
                Files.writeString(attempt.log(), log);
                inFlight--;
                return new TrialObservation(TrialState.FAILED, "node1", "exit code 1");
            }
            case "checkpoint-then-interrupt" -> {
                Files.createDirectories(run.resolve(RunFolder.CHECKPOINTS));
                Files.writeString(run.resolve(RunFolder.PROVENANCE), "{}");
                Files.writeString(run.resolve(RunFolder.CONFIG), "epochs: 2\n");
                Files.writeString(run.resolve(RunFolder.CHECKPOINTS).resolve("epoch-0.bin"), "x");
                inFlight--;
                return new TrialObservation(TrialState.INTERRUPTED, "node1", "job " + handle.id() + " CANCELLED");
            }
            default -> {
                inFlight--;
                return new TrialObservation(TrialState.INTERRUPTED, "node1", "job " + handle.id() + " NODE_FAIL");
            }
        }
    }

    @Override
    public void cancel(TrialHandle handle) {
        cluster.outcomeOfJob.put(handle.id(), "interrupt");
    }
}
