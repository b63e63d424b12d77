package org.istanas.report;

import java.nio.file.Path;
import java.util.Objects;
import org.istanas.api.run.EpochReport;
import org.istanas.api.run.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites a run folder's report.html after every epoch (the strategies append metrics.csv before they announce
 * the epoch) and at the end. A report that cannot be written is logged and skipped: a report never stops a run.
 */
public final class ReportRefresher implements ProgressListener {
    private static final Logger LOG = LoggerFactory.getLogger(ReportRefresher.class);
    private final Path folder;
    private final RunReport report;
    private boolean warned;

    public ReportRefresher(Path folder) {
        this(folder, new RunReport());
    }

    public ReportRefresher(Path folder, RunReport report) {
        this.folder = Objects.requireNonNull(folder, "folder is null");
        this.report = Objects.requireNonNull(report, "report is null");
    }

    /** {@code listener} followed by a refresher of {@code folder}. */
    public static ProgressListener with(ProgressListener listener, Path folder) {
        return ProgressListener.all(java.util.List.of(listener, new ReportRefresher(folder)));
    }

    @Override
    public void epochFinished(EpochReport epoch) {
        refresh();
    }

    @Override
    public void runFinished(String summary) {
        refresh();
    }

    /** Writes the report now; problems are logged, never thrown. */
    public void refresh() {
        try {
            report.writeFolder(folder);
        } catch (Exception | LinkageError e) {
            if (!warned) {
                LOG.warn("could not write {}/report.html: {}", folder, e.toString());
                warned = true;
            } else {
                LOG.debug("could not write {}/report.html", folder, e);
            }
        }
    }
}
