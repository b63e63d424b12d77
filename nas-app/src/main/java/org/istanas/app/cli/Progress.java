package org.istanas.app.cli;

import org.istanas.api.run.ProgressBar;
import org.istanas.api.run.ProgressListener;

/**
 * The progress display of the commands: a bar on stderr (one line per epoch when stderr is not a terminal); the
 * genotype of every epoch only under {@code --verbose}.
 */
final class Progress {
    private Progress() {
    }

    static ProgressListener forCommand(boolean quiet) {
        return quiet ? ProgressListener.NONE : ProgressBar.onStderr().showGenotypes(CliLogging.verbose());
    }
}
