package org.istanas.search.onestage;

import java.io.IOException;
import java.util.List;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.OneStageNetwork;
import org.istanas.api.network.OneStageSearchNetwork;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.TargetNetwork;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.run.RunFolder;
import org.istanas.api.run.Seeds;
import org.istanas.api.space.Architecture;
import org.istanas.data.pipeline.Augmentation;
import org.istanas.search.toolkit.DartsCodes;
import org.istanas.search.toolkit.SpaceCodes;
import org.istanas.search.toolkit.training.Check;

/**
 * One-stage ISTA-NAS in {@code darts} cells: normal and reduce cells of {@code nodes} nodes with s ops each, the
 * engine's {@link OneStageNetwork}, the official parameter cap, and the fold into the genotype's one-stage target
 * network.
 */
final class DartsOneStage implements OneStageSpace {
    private final OneStageConfig config;
    private final ImageDataset dataset;
    private final List<CandidateOperation> operations;
    private final NetworkEngine engine;
    private final long seed;
    private final DartsCodes codes;
    private final ParameterCap cap;
    private OneStageNetwork network;

    DartsOneStage(OneStageConfig config, ImageDataset dataset, List<CandidateOperation> operations,
                  NetworkEngine engine, long seed) {
        Check.atLeast("layers", config.layers(), 3); // reductions at layers/3 and 2 layers/3
        this.config = config;
        this.dataset = dataset;
        this.operations = operations;
        this.engine = engine;
        this.seed = seed;
        this.codes = new DartsCodes(operations, config.nodes(), config.sparsity());
        this.cap = new ParameterCap(config, dataset, operations, engine, seed);
    }

    @Override
    public SpaceCodes codes() {
        return codes;
    }

    @Override
    public OneStageSearchNetwork createNetwork() {
        network = engine.oneStageNetwork(new SearchNetworkSpec(Augmentation.networkInput(dataset),
                dataset.numClasses(), config.channels(), config.layers(), config.nodes(), operations,
                config.auxiliaryWeight(), Seeds.derive(seed, "weights")));
        return network;
    }

    @Override
    public boolean admits(Architecture candidate) {
        return cap.admits((Genotype) candidate);
    }

    /** The target network's genotype lists each node's ops by |z| (SupportGenotype), as genotype.json has it. */
    @Override
    public Folded fold(ArchitectureState state) {
        TargetNetwork folded = network.fold();
        return new Folded(folded, folded.genotype());
    }

    @Override
    public void saveModel(RunFolder run, OneStageConfig config, Folded folded, long seed, TestImages.FoldCheck check)
            throws IOException {
        FoldedModel.save(run, config, folded, null, seed, check);
    }

    @Override
    public String shape(OneStageConfig config) {
        return config.layers() + " cells x " + config.channels() + " channels (" + config.network() + " layout), s = "
                + config.sparsity();
    }

    @Override
    public void close() {
        cap.close();
    }
}
