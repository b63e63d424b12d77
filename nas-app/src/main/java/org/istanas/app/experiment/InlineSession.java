package org.istanas.app.experiment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.istanas.api.run.AtomicFiles;
import org.istanas.api.trial.TrialAttempt;
import org.istanas.api.trial.TrialHandle;
import org.istanas.api.trial.TrialObservation;
import org.istanas.api.trial.TrialSession;

/**
 * Trials in the driver's own JVM, one after another: the behaviour of {@code search --runs N} without an executor.
 * {@link #submit} runs the command line to its end (its output goes to the attempt's log, its progress to the
 * driver's stderr) and records the exit code as a trial script would; an attempt without an exit record was cut
 * short with the driver and is therefore retried.
 */
public final class InlineSession implements TrialSession {
    /** Runs a command line with (stdout, stderr) writers; returns the exit code. */
    public interface CommandLineRunner {
        int run(String[] args, PrintWriter out, PrintWriter err);
    }

    private final CommandLineRunner commandLine;
    private final PrintWriter progress;

    InlineSession(CommandLineRunner commandLine, PrintWriter progress) {
        this.commandLine = commandLine;
        this.progress = progress;
    }

    @Override
    public int capacity() {
        return 1;
    }

    @Override
    public double pollSeconds() {
        return 0;
    }

    @Override
    public TrialHandle submit(TrialAttempt attempt) throws IOException {
        Files.createDirectories(attempt.log().getParent());
        Files.deleteIfExists(attempt.exitFile());
        int code;
        try (OutputStream log = Files.newOutputStream(attempt.log());
             PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(log, StandardCharsets.UTF_8), true)) {
            code = commandLine.run(attempt.arguments().toArray(String[]::new), out, progress);
        }
        AtomicFiles.write(attempt.exitFile(), code + "\n");
        return new TrialHandle("inline-" + ProcessHandle.current().pid(), "");
    }

    /** An attempt recorded as being submitted was running in the driver's JVM when the driver stopped. */
    @Override
    public java.util.Optional<TrialHandle> find(TrialAttempt attempt) {
        return java.util.Optional.of(new TrialHandle("inline-earlier", ""));
    }

    @Override
    public TrialObservation observe(TrialHandle handle, TrialAttempt attempt) throws IOException {
        return org.istanas.app.trial.ExitRecords.ended(attempt.exitFile(), "",
                "stopped with the driver before it ended");
    }

    @Override
    public void cancel(TrialHandle handle) {
        // nothing runs in the background
    }
}
