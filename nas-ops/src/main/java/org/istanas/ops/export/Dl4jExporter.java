package org.istanas.ops.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.api.run.AtomicFiles;
import org.istanas.ops.engine.Backend;
import org.istanas.ops.engine.targetnet.Nd4jTargetNetwork;
import org.istanas.api.network.DilatedConvolutions;
import org.istanas.api.network.ExportFormat;
import org.istanas.api.network.ExportRequest;
import org.istanas.api.network.ExportResult;
import org.istanas.api.network.NetworkExporter;
import org.istanas.api.network.TargetNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The engine's {@link NetworkExporter}: writes the graph in the requested format, runs it on this machine's backend
 * against the engine on {@value #CHECK_IMAGES} seeded random images (the file is written only if they agree),
 * then writes the model and its sidecar JSON atomically.
 */
public final class Dl4jExporter implements NetworkExporter {
    static final int CHECK_IMAGES = 4;
    /** Largest |logit difference| accepted by the self-check (float32 rounding stays ~1e-5 on these nets). */
    static final double CHECK_TOLERANCE = 1e-3;

    private final NetworkGraph graph;
    private final Function<DataType, GraphWriter> computationGraph;

    public Dl4jExporter() {
        this(NetworkGraph.standard(), null);
    }

    /**
     * @param computationGraph maker of the ComputationGraph writer, or null (not implemented)
     */
    public Dl4jExporter(NetworkGraph graph, Function<DataType, GraphWriter> computationGraph) {
        this.graph = Objects.requireNonNull(graph, "graph is null");
        this.computationGraph = computationGraph;
    }

    @Override
    public ExportResult export(TargetNetwork network, ExportRequest request, Path out) throws IOException {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(request, "request is null");
        Objects.requireNonNull(out, "out is null");
        if (!(network instanceof Nd4jTargetNetwork target)) {
            throw new IllegalArgumentException("only networks of the ND4J engine can be exported, got "
                    + network.getClass().getName());
        }
        Path metadata = ExportMetadata.sidecar(out);
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a directory; give a file name such as model.zip");
        }
        if (metadata.equals(out)) {
            throw new IllegalArgumentException("--out " + out + " ends in .json, which is the name of the metadata"
                    + " file; use e.g. model.zip");
        }
        if (!target.inputShape().equals(request.input())) {
            throw new IllegalArgumentException("the network takes " + target.inputShape() + " images, the request "
                    + "says " + request.input());
        }
        GraphWriter writer = writer(request.format(), target.dataType());
        List<String> outputs = graph.write(target, writer, request.dilated(), request.withAuxiliary());
        double diff = selfCheck(target, writer, request);
        AtomicFiles.writeFile(out, writer::save);
        AtomicFiles.write(metadata, ExportMetadata.json(request, network, out, outputs,
                target.dataType() == DataType.DOUBLE ? "float64" : "float32", diff, Backend.initialize()));
        return new ExportResult(out, metadata, Files.size(out), diff);
    }

    private GraphWriter writer(ExportFormat format, DataType type) {
        return switch (format) {
            case SAMEDIFF -> new SameDiffWriter(type);
            case COMPUTATION_GRAPH -> {
                if (computationGraph == null) {
                    throw new UnsupportedExportException("the computation-graph format is not implemented: a"
                            + " ComputationGraph cannot express the engine's dilated-convolution rewrite without"
                            + " custom vertices (istanas classes at load time); use --format samediff"
                            + " (docs/embedding.md)");
                }
                yield computationGraph.apply(type);
            }
        };
    }

    /** Largest |logit difference| between the written graph and the engine on seeded random images. */
    static double selfCheck(Nd4jTargetNetwork network, GraphWriter writer, ExportRequest request) {
        ImageShape shape = network.inputShape();
        SplittableRandom random = new SplittableRandom(CHECK_IMAGES);
        float[] images = new float[CHECK_IMAGES * shape.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        float[][] expected = network.logits(new Batch(images, new int[CHECK_IMAGES], CHECK_IMAGES, shape));
        INDArray x = Nd4j.create(images, new long[] {CHECK_IMAGES, shape.channels(), shape.height(), shape.width()},
                'c');
        INDArray actual;
        try {
            actual = writer.run(x).get(0).castTo(DataType.FLOAT);
        } catch (RuntimeException e) {
            String hint = request.dilated() == DilatedConvolutions.NATIVE
                    ? " This backend cannot run the dilated convolutions written as such (oneDNN rejects them):"
                    + " export with --dilated rewrite (the default) or --dilated expanded-kernel, or load this file"
                    + " only with an nd4j-native build without oneDNN."
                    : " Report this as a bug with the genotype.";
            throw new UnsupportedExportException("the exported " + request.format().cliName() + " graph does not run"
                    + " on this ND4J backend (" + Backend.initialize() + "): " + e.getMessage() + "." + hint, e);
        }
        double max = 0;
        for (int r = 0; r < CHECK_IMAGES; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                max = Math.max(max, Math.abs(expected[r][c] - actual.getDouble(r, c)));
            }
        }
        if (!(max <= CHECK_TOLERANCE)) {
            throw new IllegalStateException("the exported graph's logits differ from the engine's by " + max
                    + " (tolerance " + CHECK_TOLERANCE + "); not writing " + request.format().cliName() + " file");
        }
        return max;
    }
}
