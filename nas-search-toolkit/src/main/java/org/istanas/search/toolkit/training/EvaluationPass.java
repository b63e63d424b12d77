package org.istanas.search.toolkit.training;

import java.util.function.Function;
import org.istanas.api.data.Batch;
import org.istanas.api.network.StepResult;
import org.istanas.data.pipeline.BatchLoader;

/** One pass of a network over a loader's batches in inference mode: the mean loss and the correct count. */
public final class EvaluationPass {
    private EvaluationPass() {
    }

    /**
     * Evaluates every batch of {@code loader} (and closes it).
     *
     * @return the loss averaged over images, the correct predictions and the images seen
     */
    public static StepResult over(BatchLoader loader, Function<Batch, StepResult> evaluate) {
        double lossSum = 0;
        int correct = 0;
        int images = 0;
        try (loader) {
            while (loader.hasNext()) {
                StepResult r = evaluate.apply(loader.next());
                lossSum += r.loss() * r.size();
                correct += r.correct();
                images += r.size();
            }
        }
        return new StepResult(images == 0 ? Double.NaN : lossSum / images, correct, images);
    }
}
