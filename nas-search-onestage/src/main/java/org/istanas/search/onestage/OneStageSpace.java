package org.istanas.search.onestage;

import java.io.IOException;
import org.istanas.api.network.OneStageSearchNetwork;
import org.istanas.api.run.RunFolder;
import org.istanas.api.space.Architecture;
import org.istanas.search.toolkit.SpaceCodes;

/**
 * What a one-stage search takes from its search space: the layout of the codes, the super-net, the parameter cap,
 * the fold and the folded model's folder. {@link DartsOneStage} and {@link Nb201OneStage} are the two spaces; the
 * job, its termination rule and the run folder are the same for both.
 */
interface OneStageSpace extends AutoCloseable {
    SpaceCodes codes();

    /** Builds the one-stage super-net; the caller owns it. Called once. */
    OneStageSearchNetwork createNetwork();

    /** Whether a recovered candidate architecture may be accepted (the parameter cap). */
    boolean admits(Architecture candidate);

    /** Folds the network {@link #createNetwork} built, whose supports are those of {@code state}. */
    Folded fold(ArchitectureState state);

    /** Writes the folded network as the run's {@code model/} folder. */
    void saveModel(RunFolder run, OneStageConfig config, Folded folded, long seed, TestImages.FoldCheck check)
            throws IOException;

    /** The network's shape for the run's first line, e.g. {@code 20 cells x 36 channels (cifar layout), s = 2}. */
    String shape(OneStageConfig config);

    @Override
    void close();
}
