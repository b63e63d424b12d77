package org.istanas.app.trial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.istanas.api.trial.TrialAttempt;
import org.istanas.api.trial.TrialHandle;
import org.istanas.api.trial.TrialObservation;
import org.istanas.api.trial.TrialSession;
import org.istanas.api.trial.TrialState;
import org.istanas.app.consistency.RunState;

/**
 * The driver of an experiment's trials. Each pass over the trials observes the attempts in flight, records every
 * state change in the ledger (and prints it), and submits waiting trials whose predecessors succeeded while the
 * executor has room. A trial whose run folder already holds a result is not submitted. An interrupted attempt
 * (cancelled, timed out, preempted, node failure, lost) is retried, as {@code resume --run DIR} when its folder has a
 * checkpoint and afresh otherwise, up to {@code maxAttempts}; a trial failing by itself is not retried and is
 * reported with the last lines of its log. Started again on the same folder, the driver observes the recorded
 * attempts instead of submitting them again.
 */
public final class TrialScheduler {
    /** Lines of a failed trial's log shown. */
    static final int LOG_TAIL = 15;

    private final Path experiment;
    private final TrialSession session;
    private final String executorName;
    private final int maxAttempts;
    private final Consumer<String> progress;

    public TrialScheduler(Path experiment, TrialSession session, String executorName, int maxAttempts,
                          Consumer<String> progress) {
        this.experiment = Objects.requireNonNull(experiment, "experiment is null");
        this.session = Objects.requireNonNull(session, "session is null");
        this.executorName = Objects.requireNonNull(executorName, "executorName is null");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.progress = Objects.requireNonNull(progress, "progress is null");
    }

    /** The folder of a trial's scripts, logs and exit records. */
    public static Path trialFolder(Path experiment, String id) {
        return experiment.resolve("trials").resolve(id);
    }

    /** Runs the trials to their end; returns the ledger (trials that failed or were skipped have that state). */
    public TrialLedger run(List<TrialSpec> trials) throws IOException {
        TrialLedger ledger = TrialLedger.open(experiment);
        checkExecutor(ledger);
        ledger.content().executor = executorName;
        for (TrialSpec t : trials) {
            ledger.trial(t.id()).runFolder = relative(t.runFolder());
        }
        ledger.save();
        while (true) {
            int inFlight = 0;
            boolean open = false;
            for (TrialSpec t : trials) {
                TrialLedger.Trial entry = ledger.trial(t.id());
                if (inFlight(entry)) {
                    observe(ledger, t, entry);
                }
                if (entry.state.equals("WAITING")) {
                    String blocked = blocked(ledger, t);
                    if (blocked != null) {
                        entry.reason = blocked;
                        change(ledger, t, entry, "SKIPPED", blocked);
                    } else if (ready(ledger, t) && count(ledger, trials) < session.capacity()) {
                        submit(ledger, t, entry);
                    }
                }
                if (inFlight(entry)) {
                    inFlight++;
                }
                open |= !finished(entry);
            }
            if (!open) {
                return ledger;
            }
            sleep(session.pollSeconds());
        }
    }

    private void checkExecutor(TrialLedger ledger) throws IOException {
        String recorded = ledger.content().executor;
        if (recorded != null && !recorded.equals(executorName)) {
            boolean active = ledger.content().trials.values().stream().anyMatch(TrialScheduler::inFlight);
            if (active) {
                throw new IOException("trials of " + experiment + " are still in flight under executor '" + recorded
                        + "'; continue with --executor " + recorded);
            }
        }
    }

    private static boolean inFlight(TrialLedger.Trial entry) {
        return entry.state.equals("SUBMITTING") || entry.state.equals("PENDING") || entry.state.equals("RUNNING");
    }

    private static boolean finished(TrialLedger.Trial entry) {
        return entry.state.equals("SUCCEEDED") || entry.state.equals("FAILED") || entry.state.equals("SKIPPED");
    }

    private static int count(TrialLedger ledger, List<TrialSpec> trials) {
        int n = 0;
        for (TrialSpec t : trials) {
            n += inFlight(ledger.trial(t.id())) ? 1 : 0;
        }
        return n;
    }

    private static boolean ready(TrialLedger ledger, TrialSpec t) {
        return t.after().stream().allMatch(id -> ledger.trial(id).state.equals("SUCCEEDED"));
    }

    private static String blocked(TrialLedger ledger, TrialSpec t) {
        for (String id : t.after()) {
            String s = ledger.trial(id).state;
            if (s.equals("FAILED") || s.equals("SKIPPED")) {
                return "trial " + id + " " + s.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private void submit(TrialLedger ledger, TrialSpec t, TrialLedger.Trial entry) throws IOException {
        RunState folder = RunState.of(t.runFolder());
        if (folder == RunState.FINISHED) {
            change(ledger, t, entry, "SUCCEEDED", "run folder finished earlier, reused");
            return;
        }
        TrialLedger.Attempt a = new TrialLedger.Attempt();
        a.number = entry.attempts.size() + 1;
        a.mode = folder == RunState.UNFINISHED ? "resume" : "start";
        a.arguments = folder == RunState.UNFINISHED
                ? List.of("resume", "--run", t.runFolder().toString()) : t.arguments();
        if (folder == RunState.ABSENT) {
            clear(t.runFolder());
        }
        a.submitted = Instant.now().toString();
        entry.attempts.add(a);
        // Recorded before submitting: a driver killed in between finds the job by name instead of submitting twice.
        change(ledger, t, entry, "SUBMITTING", a.mode);
        TrialHandle handle = session.submit(attempt(t, a));
        a.handle = handle.id();
        a.handleDetail = handle.detail();
        change(ledger, t, entry, "PENDING", label(a));
    }

    private void observe(TrialLedger ledger, TrialSpec t, TrialLedger.Trial entry) throws IOException {
        TrialLedger.Attempt a = entry.last();
        TrialAttempt attempt = attempt(t, a);
        if (a.handle == null) {
            var found = session.find(attempt);
            if (found.isEmpty()) {
                entry.attempts.remove(a); // never submitted: submit it now
                change(ledger, t, entry, "WAITING", "submission of attempt " + a.number + " was not made");
                return;
            }
            a.handle = found.get().id();
            a.handleDetail = found.get().detail();
            change(ledger, t, entry, "PENDING", label(a) + ", found after a restart");
        }
        TrialObservation o = session.observe(new TrialHandle(a.handle, a.handleDetail), attempt);
        if (!o.node().isEmpty()) {
            a.node = o.node();
        }
        String now = Instant.now().toString();
        if (o.state() == TrialState.RUNNING && a.started == null) {
            a.started = now;
        }
        if (o.state().name().equals(entry.state)) {
            return;
        }
        a.detail = o.detail();
        a.state = o.state().name();
        switch (o.state()) {
            case PENDING, RUNNING -> change(ledger, t, entry, o.state().name(), label(a)
                    + (a.node == null || o.state() == TrialState.PENDING ? "" : " on " + a.node));
            case SUCCEEDED -> {
                a.ended = now;
                if (RunState.of(t.runFolder()) == RunState.FINISHED) {
                    change(ledger, t, entry, "SUCCEEDED", label(a) + " after " + wall(a));
                } else {
                    fail(ledger, t, entry, a, "ended with exit code 0 but " + t.runFolder() + " has no result.json");
                }
            }
            case FAILED -> {
                a.ended = now;
                fail(ledger, t, entry, a, o.detail());
            }
            case INTERRUPTED -> {
                a.ended = now;
                if (entry.attempts.size() < maxAttempts) {
                    change(ledger, t, entry, "WAITING", label(a) + " interrupted (" + o.detail() + "); retrying, "
                            + "attempt " + (entry.attempts.size() + 1) + " of " + maxAttempts);
                } else {
                    fail(ledger, t, entry, a, "interrupted " + maxAttempts + " times, last: " + o.detail());
                }
            }
        }
    }

    private void fail(TrialLedger ledger, TrialSpec t, TrialLedger.Trial entry, TrialLedger.Attempt a, String why)
            throws IOException {
        entry.reason = why;
        Path log = trialFolder(experiment, t.id()).resolve("attempt-" + a.number + ".log");
        StringBuilder message = new StringBuilder(label(a) + " failed: " + why + "; not retried. Last lines of "
                + log + ":");
        for (String line : tail(log)) {
            message.append("\n    | ").append(line);
        }
        change(ledger, t, entry, "FAILED", message.toString());
    }

    private void change(TrialLedger ledger, TrialSpec t, TrialLedger.Trial entry, String state, String detail)
            throws IOException {
        entry.state = state;
        int attempt = entry.attempts.size();
        entry.history.add(new TrialLedger.Change(Instant.now().toString(), attempt, state, detail));
        ledger.save();
        progress.accept(String.format(Locale.ROOT, "trial %-12s %-10s %s", t.id(), state, detail));
    }

    private TrialAttempt attempt(TrialSpec t, TrialLedger.Attempt a) {
        Path dir = trialFolder(experiment, t.id()).toAbsolutePath();
        return new TrialAttempt(t.id(), a.number, a.arguments, t.runFolder(), dir.resolve("attempt-" + a.number + ".sh"),
                dir.resolve("attempt-" + a.number + ".log"), dir.resolve("attempt-" + a.number + ".exit"));
    }

    private String label(TrialLedger.Attempt a) {
        String what = executorName.equals(SlurmTrialExecutor.NAME) ? "job " : "pid ";
        if (a.handle != null && a.handle.startsWith("inline")) {
            return "attempt " + a.number + " (in the driver's JVM)";
        }
        return "attempt " + a.number + (a.handle == null ? "" : " (" + what + a.handle + ")");
    }

    static String wall(TrialLedger.Attempt a) {
        if (a.submitted == null || a.ended == null) {
            return "-";
        }
        long s = Duration.between(Instant.parse(a.started != null ? a.started : a.submitted),
                Instant.parse(a.ended)).toSeconds();
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private String relative(Path p) {
        Path base = experiment.toAbsolutePath().normalize();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    }

    static List<String> tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return new ArrayList<>(lines.subList(Math.max(0, lines.size() - LOG_TAIL), lines.size()));
        } catch (IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    private static void clear(Path run) throws IOException {
        if (!Files.exists(run)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(run)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void sleep(double seconds) throws IOException {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for trials", e);
        }
    }
}
