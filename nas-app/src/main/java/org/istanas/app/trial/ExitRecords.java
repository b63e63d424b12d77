package org.istanas.app.trial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.istanas.api.trial.TrialObservation;
import org.istanas.api.trial.TrialState;

/**
 * The exit code a trial script records when its command ends by itself, and what it means: 0 success; 1 or 2 (the
 * command line's failure and usage-error codes) a failure of the trial itself, not retried; 128 + n a kill by signal
 * n from outside, retried like a missing record.
 */
public final class ExitRecords {
    private ExitRecords() {
    }

    public static OptionalInt read(Path exitFile) throws IOException {
        if (!Files.isRegularFile(exitFile)) {
            return OptionalInt.empty();
        }
        String text = Files.readString(exitFile).trim();
        try {
            return OptionalInt.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new IOException(exitFile + ": expected an exit code, found '" + text + "'");
        }
    }

    /** The state an ended attempt is in, judged by its exit record; {@code why} says why it ended when there is none. */
    public static TrialObservation ended(Path exitFile, String node, String why) throws IOException {
        OptionalInt code = read(exitFile);
        if (code.isEmpty()) {
            return new TrialObservation(TrialState.INTERRUPTED, node, why);
        }
        int c = code.getAsInt();
        if (c == 0) {
            return new TrialObservation(TrialState.SUCCEEDED, node, "exit code 0");
        }
        if (c < 128) {
            return new TrialObservation(TrialState.FAILED, node, "exit code " + c);
        }
        return new TrialObservation(TrialState.INTERRUPTED, node, "killed by signal " + (c - 128));
    }
}
