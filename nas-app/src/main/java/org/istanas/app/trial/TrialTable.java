package org.istanas.app.trial;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The final table of an experiment's trials: state, attempts, last job id or pid, node, wall time, run folder. */
public final class TrialTable {
    private TrialTable() {
    }

    public static void print(PrintWriter out, TrialLedger ledger) {
        String format = "%-14s %-10s %-8s %-10s %-10s %-7s %s%n";
        out.printf(Locale.ROOT, format, "trial", "state", "attempts", "job/pid", "node", "wall", "run folder");
        for (Map.Entry<String, TrialLedger.Trial> e : ledger.content().trials.entrySet()) {
            TrialLedger.Trial t = e.getValue();
            TrialLedger.Attempt last = t.last();
            out.printf(Locale.ROOT, format, e.getKey(), t.state, t.attempts.size(),
                    last == null || last.handle == null ? "-" : last.handle,
                    last == null || last.node == null ? "-" : last.node, last == null ? "-" : TrialScheduler.wall(last),
                    t.runFolder);
        }
        out.flush();
    }

    /** Trials that failed or were skipped, with the reason, one per line; empty when all succeeded. */
    public static List<String> problems(TrialLedger ledger) {
        return ledger.content().trials.entrySet().stream().filter(e -> !e.getValue().state.equals("SUCCEEDED"))
                .map(e -> e.getKey() + " " + e.getValue().state.toLowerCase(Locale.ROOT)
                        + (e.getValue().reason == null ? "" : ": " + e.getValue().reason)).toList();
    }
}
