package org.istanas.search.twostage;

import java.io.IOException;
import org.istanas.api.network.CellEvaluation;
import org.istanas.api.network.StepResult;
import org.istanas.api.search.SuperNetScorer;
import org.istanas.api.space.Architecture;
import org.istanas.data.pipeline.BatchLoader;

/**
 * Scores architectures with a loaded super-net: each one's accuracy on the run's validation half, unaugmented, with
 * only its operations computed (weight 1). Owns the job it was opened from.
 */
final class SuperNetCellScorer implements SuperNetScorer {
    private final SuperNetJob job;
    private final CellEvaluation network;
    private final SuperNetData data;
    private final int epochsTrained;

    SuperNetCellScorer(SuperNetJob job, Object network, SuperNetData data, int epochsTrained) {
        if (!(network instanceof CellEvaluation evaluation)) {
            throw new UnsupportedOperationException("this engine's " + job.kind()
                    + " super-net cannot evaluate single architectures");
        }
        this.job = job;
        this.network = evaluation;
        this.data = data;
        this.epochsTrained = epochsTrained;
    }

    @Override
    public double accuracy(Architecture architecture, boolean batchStatistics) throws IOException {
        long correct = 0;
        long images = 0;
        try (BatchLoader pass = data.scoringPass()) {
            while (pass.hasNext()) {
                StepResult r = network.evaluate(pass.next(), architecture, batchStatistics);
                correct += r.correct();
                images += r.size();
            }
        }
        return (double) correct / images;
    }

    @Override
    public int images() {
        return data.split().valid().length;
    }

    @Override
    public int epochsTrained() {
        return epochsTrained;
    }

    @Override
    public void close() {
        job.close();
    }
}
