package org.istanas.app.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.istanas.api.UsageException;
import org.istanas.api.network.InputSizeException;
import org.istanas.api.run.CheckpointStore;
import org.istanas.api.run.RunFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a run folder this command has just created when the run fails before it trained anything: some
 * values can only be checked once the data and the network exist (a sparsity beyond a node's candidates, more
 * images than the split holds), and a folder left behind then could be neither resumed (no checkpoint) nor reused
 * (not empty). The training loop writes its first checkpoint before the first step, so "no checkpoint" means
 * "nothing to lose": the folder is removed and the error is reported as what it is.
 */
final class RunSetup {
    private static final Logger LOG = LoggerFactory.getLogger(RunSetup.class);

    private RunSetup() {
    }

    /**
     * Removes {@code folder} (made by this command) when it holds no checkpoint.
     *
     * @return whether it was removed, i.e. the failure happened while the run was being set up
     */
    static boolean removeIfUntrained(RunFolder folder) {
        try {
            if (!new CheckpointStore(folder.checkpoints(), 1).files().isEmpty()) {
                return false;
            }
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(folder.root())) {
                paths = walk.sorted(Comparator.reverseOrder()).toList();
            }
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
            LOG.debug("removed {}: the run failed before its first checkpoint", folder.root());
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remove {} after the run failed: {}", folder.root(), e.toString());
            return false;
        }
    }

    /**
     * The error to report for a failure during set-up: a rejected value is a usage error (exit code 2) like any other
     * bad {@code --set} value; images that do not fit the network also say which option sets their size.
     */
    static RuntimeException duringSetup(RuntimeException error, DatasetChoice data) {
        if (error instanceof InputSizeException sizes) {
            return data.explain(sizes);
        }
        if (error instanceof IllegalArgumentException && !(error instanceof UsageException)) {
            return new UsageException(error.getMessage(), error);
        }
        return error;
    }
}
