package org.istanas.app.compat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.istanas.api.run.ProgressListener;
import org.istanas.app.embed.Istanas;

/**
 * Writes the golden run folders under {@code src/test/resources/compat/}: a tiny two-stage search on the synthetic
 * dataset, stopped by an exception in its second epoch as a {@code kill -9} would stop it, so the folder holds a
 * real mid-run checkpoint. Run once per checkpoint format version, never in the build:
 * {@code java -cp <test class path> org.istanas.app.compat.InterruptedRunWriter nas-app/src/test/resources/compat/twostage-run-v1}.
 */
public final class InterruptedRunWriter {
    static final List<String> TINY = List.of("layers=3", "channels=2", "batchSize=16", "trainImages=64", "epochs=2",
            "augment=false", "loaderWorkers=1", "checkpointEverySteps=1");

    private InterruptedRunWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        if (Files.exists(out)) {
            throw new IllegalArgumentException(out + " exists; golden folders are written once");
        }
        ProgressListener stop = new ProgressListener() {
            @Override
            public void stepFinished(int epoch, int step, int steps, double loss, double accuracy) {
                if (epoch == 1 && step == 1) {
                    throw new IllegalStateException("stopped mid-run on purpose");
                }
            }
        };
        try {
            Istanas.create().search().strategy("two-stage").dataset("synthetic").datasetOption("trainSize", "64")
                    .solver("fista").preset("smoke").overrides(TINY).seed(7).out(out).listener(stop).run();
        } catch (IllegalStateException e) {
            System.out.println("interrupted as intended: " + e.getMessage());
            return;
        }
        throw new IllegalStateException("the run finished; it was meant to stop in epoch 1");
    }
}
