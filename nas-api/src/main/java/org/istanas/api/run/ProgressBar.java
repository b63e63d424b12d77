package org.istanas.api.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Shows progress on a terminal: a bar per epoch with the running loss and accuracy and the ETA of the epoch and of
 * the run, redrawn in place at most a few times a second. When the stream is not a terminal (a log file, CI), it
 * draws no bar and prints one line per finished epoch only.
 */
public final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier clock;
    private int epochs;
    private long epochStart;
    private long lastDraw;
    private double secondsPerEpoch = Double.NaN;
    private boolean barShown;
    private boolean genotypes = true;

    /** A bar on standard error, animated only when the JVM has a console. */
    public static ProgressBar onStderr() {
        return new ProgressBar(System.err, System.console() != null, System::nanoTime);
    }

    public ProgressBar(PrintStream out, boolean terminal, LongSupplier nanoClock) {
        this.out = Objects.requireNonNull(out, "out is null");
        this.terminal = terminal;
        this.clock = Objects.requireNonNull(nanoClock, "nanoClock is null");
    }

    /**
     * Whether the per-epoch note shows the genotype found so far (a line of ~300 characters that drowns the progress
     * lines; the command prints the final genotype anyway). The commands show it only under {@code --verbose}.
     */
    public ProgressBar showGenotypes(boolean show) {
        this.genotypes = show;
        return this;
    }

    @Override
    public void runStarted(String title, int epochs) {
        this.epochs = epochs;
        out.println(title);
    }

    @Override
    public void epochStarted(int epoch, int epochs, int steps) {
        this.epochs = epochs;
        epochStart = clock.getAsLong();
        lastDraw = 0;
    }

    @Override
    public void stepFinished(int epoch, int step, int steps, double loss, double accuracy) {
        if (!terminal) {
            return;
        }
        long now = clock.getAsLong();
        if (step + 1 < steps && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double elapsed = (now - epochStart) / 1e9;
        double eta = elapsed / (step + 1) * (steps - step - 1);
        int filled = (int) Math.round((double) WIDTH * (step + 1) / steps);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        out.print(String.format(Locale.ROOT, "\repoch %d/%d [%s] %d/%d loss %.4f acc %.3f  ETA %s ", epoch + 1,
                epochs, bar, step + 1, steps, loss, accuracy, duration(eta)));
        out.flush();
        barShown = true;
    }

    @Override
    public void epochFinished(EpochReport report) {
        secondsPerEpoch = Double.isNaN(secondsPerEpoch) ? report.seconds() : 0.7 * secondsPerEpoch + 0.3 * report.seconds();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d", report.epoch() + 1,
                report.epochs()));
        for (Map.Entry<String, Double> e : report.values().entrySet()) {
            line.append(String.format(Locale.ROOT, " %s %.4g", e.getKey(), e.getValue()));
        }
        int left = report.epochs() - report.epoch() - 1;
        line.append(String.format(Locale.ROOT, " (%s", duration(report.seconds())));
        if (left > 0) {
            line.append(", run ETA ").append(duration(secondsPerEpoch * left));
        }
        line.append(')');
        clearBar();
        out.println(line);
        String note = genotypes ? report.note() : withoutGenotype(report.note());
        if (!note.isEmpty()) {
            out.println("  " + note);
        }
    }

    @Override
    public void message(String text) {
        clearBar();
        out.println(text);
    }

    @Override
    public void runFinished(String summary) {
        clearBar();
        out.println(summary);
    }

    private void clearBar() {
        if (barShown) {
            out.print("\r" + " ".repeat(WIDTH + 70) + "\r");
            barShown = false;
        }
    }

    /** The note without its {@code genotype ...} part (notes are {@code [phase; ]genotype normal [...] ...}). */
    static String withoutGenotype(String note) {
        int at = note.startsWith("genotype ") ? 0 : note.indexOf("; genotype ");
        return at < 0 ? note : note.substring(0, at);
    }

    /** h:mm:ss or m:ss. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
