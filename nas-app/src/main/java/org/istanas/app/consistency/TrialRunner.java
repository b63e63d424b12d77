package org.istanas.app.consistency;

import java.io.IOException;
import java.nio.file.Path;
import org.istanas.api.run.ProgressListener;

/**
 * Trains the searches and evaluations of an experiment into given run folders. The experiment reads the outcome
 * back from each folder's result.json, so freshly trained, resumed and reused runs are handled alike.
 */
public interface TrialRunner {
    /** Runs a new search with {@code seed} into the absent or empty {@code folder}. */
    void search(Path folder, long seed, ProgressListener listener) throws IOException;

    /** Continues the search of {@code folder} from its last checkpoint. */
    void resumeSearch(Path folder, ProgressListener listener) throws IOException;

    /** Retrains the genotype of {@code genotypeFile} with {@code seed} into the absent or empty {@code folder}. */
    void evaluate(Path folder, Path genotypeFile, long seed, ProgressListener listener) throws IOException;

    /** Continues the evaluation of {@code folder} from its last checkpoint. */
    void resumeEvaluation(Path folder, ProgressListener listener) throws IOException;
}
