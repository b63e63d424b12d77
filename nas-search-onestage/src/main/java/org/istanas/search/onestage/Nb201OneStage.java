package org.istanas.search.onestage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.istanas.api.UsageException;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.network.OneStageSearchNetwork;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.run.RunFolder;
import org.istanas.api.run.Seeds;
import org.istanas.api.space.Architecture;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.space.SpaceNetworks;
import org.istanas.api.space.SpaceSearchSpec;
import org.istanas.data.pipeline.Augmentation;
import org.istanas.search.toolkit.Nb201Codes;
import org.istanas.search.toolkit.SpaceCodes;

/**
 * One-stage ISTA-NAS on {@code nas-bench-201} (docs/spaces.md): the space's rule of the two-stage search (one code
 * per node over its (edge, op) pairs, {@code none} excluded, the largest |x| of every edge kept, m_j = n_j / 2) in
 * the space's one-stage super-net at target settings (C = {@code channels}, N = {@code layers} cells per stage), and
 * the fold into the stand-alone network of the found cell with a BN after every op. There is no parameter cap (the
 * official one guards GPU memory of DARTS networks; NB201's largest network has 1.5M parameters), no auxiliary head,
 * drop-path or label smoothing (the NB201 recipes have none) and no re-evaluation yet: the table is the evaluation.
 */
final class Nb201OneStage implements OneStageSpace {
    private final OneStageConfig config;
    private final ImageDataset dataset;
    private final SearchSpace space;
    private final SpaceNetworks networks;
    private final Nb201Codes codes;
    private final long seed;
    private OneStageSearchNetwork network;

    Nb201OneStage(OneStageConfig config, ImageDataset dataset, List<CandidateOperation> operations, SearchSpace space,
                  long seed) {
        check(config);
        this.config = config;
        this.dataset = dataset;
        this.space = space;
        this.seed = seed;
        this.codes = new Nb201Codes(operations);
        this.networks = space.networks().orElseThrow(() -> new IllegalStateException("no loaded engine builds "
                + space.name() + " networks"));
    }

    /** Keys of the darts recipe that have no meaning here are refused rather than silently ignored. */
    static void check(OneStageConfig config) {
        List<String> wrong = new ArrayList<>();
        if (config.parameterCap() != 0) {
            wrong.add("parameterCap " + config.parameterCap() + " (the cap is for darts cells; set 0)");
        }
        if (config.auxiliaryWeight() != 0) {
            wrong.add("auxiliaryWeight " + config.auxiliaryWeight() + " (the network has no auxiliary head; set 0)");
        }
        if (config.dropPath() != 0) {
            wrong.add("dropPath " + config.dropPath() + " (the network has no drop-path; set 0)");
        }
        if (config.labelSmoothing() != 0) {
            wrong.add("labelSmoothing " + config.labelSmoothing() + " (set 0)");
        }
        if (config.reevaluate() != 0) {
            wrong.add("reevaluate " + config.reevaluate() + " (re-evaluation trains darts genotypes only; look the "
                    + "cell up with --benchmark)");
        }
        if (!config.network().equals(OneStageConfig.CIFAR)) {
            wrong.add("network " + config.network() + " (the nas-bench-201 network has one layout; set cifar)");
        }
        if (!wrong.isEmpty()) {
            throw new UsageException("one-stage on nas-bench-201 does not take " + String.join(", ", wrong));
        }
    }

    @Override
    public SpaceCodes codes() {
        return codes;
    }

    @Override
    public OneStageSearchNetwork createNetwork() {
        network = networks.oneStageNetwork(new SpaceSearchSpec(Augmentation.networkInput(dataset),
                dataset.numClasses(), config.channels(), config.layers(), codes.operations(),
                Seeds.derive(seed, "weights")));
        return network;
    }

    @Override
    public boolean admits(Architecture candidate) {
        return true;
    }

    /** The network's supports are the state's, so its cell is the state's architecture. */
    @Override
    public Folded fold(ArchitectureState state) {
        return new Folded(network.fold(), state.architecture());
    }

    @Override
    public void saveModel(RunFolder run, OneStageConfig config, Folded folded, long seed, TestImages.FoldCheck check)
            throws IOException {
        FoldedModel.save(run, config, folded, space, seed, check);
    }

    @Override
    public String shape(OneStageConfig config) {
        return "nas-bench-201, " + config.layers() + " cells per stage x " + config.channels()
                + " channels, one op per edge";
    }

    @Override
    public void close() {
    }
}
