package org.istanas.app.consistency;

import java.io.IOException;
import java.nio.file.Path;
import org.istanas.api.run.ProgressListener;

/**
 * The runner of an experiment whose runs a trial executor ran: by the time the experiment reads them every run folder
 * is finished, so any call means a trial left its folder unfinished.
 */
public final class TrialsOnly implements TrialRunner {
    public static final TrialsOnly RUNNER = new TrialsOnly();

    private TrialsOnly() {
    }

    private static IOException unfinished(Path folder) {
        return new IOException("run folder " + folder + " is not finished although its trial ended");
    }

    @Override
    public void search(Path folder, long seed, ProgressListener listener) throws IOException {
        throw unfinished(folder);
    }

    @Override
    public void resumeSearch(Path folder, ProgressListener listener) throws IOException {
        throw unfinished(folder);
    }

    @Override
    public void evaluate(Path folder, Path genotypeFile, long seed, ProgressListener listener) throws IOException {
        throw unfinished(folder);
    }

    @Override
    public void resumeEvaluation(Path folder, ProgressListener listener) throws IOException {
        throw unfinished(folder);
    }
}
