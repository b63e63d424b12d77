package org.istanas.ops.engine.targetnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.genotype.CellType;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeEdge;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.op.OpSpec;
import org.istanas.api.run.Seeds;
import org.istanas.ops.candidates.Blocks;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.LayerFactory;
import org.istanas.ops.engine.nn.Sequential;
import org.istanas.api.network.TargetNetworkSpec;
import org.istanas.api.network.TargetNetworkSpec.Layout;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builds target networks (DARTS {@code NetworkCIFAR} / {@code NetworkImageNet}) and the parts of the skeleton the
 * one-stage super-net shares. Every component draws its weights from its own generator, seeded from the network
 * seed and the component's name, so weights do not depend on construction order.
 */
public final class TargetNetworks {
    private TargetNetworks() {
    }

    /** A layer factory for the component {@code key}. */
    public static LayerFactory factory(DataType type, long seed, String key) {
        return new LayerFactory(type, Seeds.derive(seed, key), key);
    }

    public static Nd4jTargetNetwork build(TargetNetworkSpec spec, DataType type) {
        Objects.requireNonNull(spec, "spec is null");
        Genotype genotype = spec.genotype();
        validate(genotype, spec.operations());
        if (spec.classes() < 1) {
            throw new IllegalArgumentException("classes must be >= 1, got " + spec.classes());
        }
        List<NetworkPlan.CellShape> shapes = NetworkPlan.cells(spec.layout(), spec.channels(), spec.layers(),
                reduce -> genotype.concat(reduce ? CellType.REDUCE : CellType.NORMAL).size());
        CellNetwork.Stem stem = stem(spec.layout(), spec.input().channels(), spec.channels(), type, spec.seed());
        List<Cell> cells = new ArrayList<>();
        for (NetworkPlan.CellShape shape : shapes) {
            cells.add(cell(shape, genotype, spec.operations(), spec.oneStageBn(), type, spec.seed()));
        }
        int auxCell = NetworkPlan.auxiliaryCell(spec.layers());
        AuxiliaryHead aux = spec.auxiliaryWeight() > 0
                ? auxiliaryHead(spec.layout(), shapes.get(auxCell).outputChannels(), spec.classes(), type, spec.seed())
                : null;
        int last = shapes.get(shapes.size() - 1).outputChannels();
        return new Nd4jTargetNetwork(genotype, spec.oneStageBn(), type, spec.input(), spec.classes(), spec.seed(),
                stem, cells, auxCell, aux, spec.auxiliaryWeight(),
                factory(type, spec.seed(), "classifier").linear(last, spec.classes()));
    }

    /** CIFAR: conv3x3 to 3C + BN. ImageNet: DARTS stem0 (two stride-2 convs) and stem1 (a third). */
    public static CellNetwork.Stem stem(Layout layout, int inChannels, int channels, DataType type, long seed) {
        if (layout == Layout.CIFAR) {
            LayerFactory f = factory(type, seed, "stem");
            int out = NetworkPlan.STEM_MULTIPLIER * channels;
            return new CellNetwork.Stem(new Sequential(List.of(f.conv(inChannels, out, 3, 1, 1, 1),
                    f.batchNorm(out, true))), null);
        }
        if (channels < 2) {
            throw new IllegalArgumentException("the ImageNet stem needs channels >= 2, got " + channels);
        }
        LayerFactory f0 = factory(type, seed, "stem0");
        Layer stem0 = new Sequential(List.of(f0.conv(inChannels, channels / 2, 3, 2, 1, 1),
                f0.batchNorm(channels / 2, true), f0.relu(), f0.conv(channels / 2, channels, 3, 2, 1, 1),
                f0.batchNorm(channels, true)));
        LayerFactory f1 = factory(type, seed, "stem1");
        Layer stem1 = new Sequential(List.of(f1.relu(), f1.conv(channels, channels, 3, 2, 1, 1),
                f1.batchNorm(channels, true)));
        return new CellNetwork.Stem(stem0, stem1);
    }

    public static AuxiliaryHead auxiliaryHead(Layout layout, int channels, int classes, DataType type, long seed) {
        LayerFactory f = factory(type, seed, "auxiliary");
        return layout == Layout.CIFAR ? AuxiliaryHead.cifar(f, channels, classes)
                : AuxiliaryHead.imagenet(f, channels, classes);
    }

    /** ReLU-conv1x1-BN, or FactorizedReduce when input 0 has twice the resolution. */
    public static Layer[] preprocess(NetworkPlan.CellShape shape, DataType type, long seed) {
        LayerFactory f = factory(type, seed, "cell" + shape.index() + ".pre");
        Layer p0 = LayerFactory.layer(shape.reductionPrev()
                ? Blocks.factorizedReduce(f, shape.prevPrevChannels(), shape.channels(), true)
                : Blocks.reluConvBn(f, shape.prevPrevChannels(), shape.channels(), 1, 1, 0, true));
        Layer p1 = LayerFactory.layer(Blocks.reluConvBn(f, shape.prevChannels(), shape.channels(), 1, 1, 0, true));
        return new Layer[] {p0, p1};
    }

    /** Key of the op instance on edge {@code edge} of intermediate node {@code node} of cell {@code cell}. */
    public static String opKey(int cell, int node, int edge, String op) {
        return "cell" + cell + ".n" + node + ".e" + edge + "." + op;
    }

    private static Cell cell(NetworkPlan.CellShape shape, Genotype genotype, Map<String, CandidateOperation> ops,
                             boolean oneStageBn, DataType type, long seed) {
        CellType cellType = shape.reduction() ? CellType.REDUCE : CellType.NORMAL;
        List<GenotypeEdge> entries = genotype.edges(cellType);
        Layer[] pre = preprocess(shape, type, seed);
        List<List<Edge>> nodes = new ArrayList<>();
        for (int node = 0; node < entries.size() / 2; node++) {
            List<Edge> edges = new ArrayList<>();
            for (int e = 0; e < 2; e++) {
                GenotypeEdge entry = entries.get(2 * node + e);
                int stride = shape.reduction() && entry.input() < 2 ? 2 : 1;
                String key = opKey(shape.index(), node, e, entry.op());
                Layer op = OpLayers.build(ops.get(entry.op()), new OpSpec(shape.channels(), stride, true),
                        factory(type, seed, key), oneStageBn);
                edges.add(Edge.fixed(entry.input(), op));
            }
            nodes.add(edges);
        }
        int[] concat = genotype.concat(cellType).stream().mapToInt(Integer::intValue).toArray();
        return new Cell(pre[0], pre[1], shape.reduction(), shape.channels(), nodes, concat);
    }

    /** Checks that the genotype is buildable: two entries per node, earlier inputs, known ops, valid concat. */
    public static void validate(Genotype genotype, Map<String, CandidateOperation> ops) {
        for (CellType type : CellType.values()) {
            String cell = type.name().toLowerCase(java.util.Locale.ROOT);
            List<GenotypeEdge> entries = genotype.edges(type);
            if (entries.isEmpty() || entries.size() % 2 != 0) {
                throw new IllegalArgumentException("genotype " + cell + " cell needs two entries per node, got "
                        + entries.size() + " entries");
            }
            for (int i = 0; i < entries.size(); i++) {
                GenotypeEdge entry = entries.get(i);
                int node = i / 2;
                if (entry.input() < 0 || entry.input() >= node + 2) {
                    throw new IllegalArgumentException("genotype " + cell + " entry " + i + " (" + entry.op()
                            + ", " + entry.input() + "): node " + (node + 2) + " can only read nodes 0.."
                            + (node + 1));
                }
                if (!ops.containsKey(entry.op())) {
                    throw new IllegalArgumentException("genotype " + cell + " entry " + i + " uses operation '"
                            + entry.op() + "', which is not registered; known: " + new java.util.TreeSet<>(ops.keySet()));
                }
            }
            List<Integer> concat = genotype.concat(type);
            if (concat.isEmpty()) {
                throw new IllegalArgumentException("genotype " + cell + " concat is empty");
            }
            for (int c : concat) {
                if (c < 0 || c >= entries.size() / 2 + 2) {
                    throw new IllegalArgumentException("genotype " + cell + " concat node " + c + " is outside 0.."
                            + (entries.size() / 2 + 1));
                }
            }
        }
    }
}
