package org.istanas.api.search;

import java.io.IOException;
import org.istanas.api.space.Architecture;

/**
 * The trained super-net of a search run, opened to score architectures with its shared weights on the run's
 * validation split ({@link SearchStrategy#openSuperNet}).
 */
public interface SuperNetScorer extends AutoCloseable {
    /**
     * The super-net's accuracy of {@code architecture} on the validation split.
     *
     * @param batchStatistics BN with batch statistics (see {@link org.istanas.api.network.CellEvaluation})
     */
    double accuracy(Architecture architecture, boolean batchStatistics) throws IOException;

    /** Images the accuracy is measured on. */
    int images();

    /** The epochs the super-net had been trained for when its checkpoint was written. */
    int epochsTrained();

    @Override
    void close();
}
