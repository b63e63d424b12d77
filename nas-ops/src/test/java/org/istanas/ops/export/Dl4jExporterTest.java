package org.istanas.ops.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.Genotypes;
import org.istanas.ops.engine.Backend;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.targetnet.Nd4jTargetNetwork;
import org.istanas.ops.engine.targetnet.TargetNetworks;
import org.istanas.api.network.DilatedConvolutions;
import org.istanas.api.network.ExportFormat;
import org.istanas.api.network.ExportRequest;
import org.istanas.api.network.ExportResult;
import org.istanas.api.network.TargetNetworkSpec;
import org.istanas.api.network.TargetNetworkSpec.Layout;
import org.istanas.ops.tools.ParameterCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exports small trained-looking networks (random weights, BN affine parameters and running statistics moved away
 * from 1/0 by training-mode passes) and compares the re-loaded file's logits with the engine's. The child-process
 * test without istanas classes is in nas-app (ExportCommandTest).
 */
final class Dl4jExporterTest {
    private static final ImageShape CIFAR = new ImageShape(3, 16, 16);

    @TempDir
    Path dir;

    static Nd4jTargetNetwork trained(Genotype genotype, Layout layout, ImageShape shape, double aux, boolean oneStageBn) {
        TargetNetworkSpec spec = new TargetNetworkSpec(genotype, layout, shape, 5, 4, 3, aux, oneStageBn,
                ParameterCounter.builtIn().operations(), 11);
        Nd4jTargetNetwork net = TargetNetworks.build(spec, DataType.FLOAT);
        SplittableRandom random = new SplittableRandom(3);
        for (Param p : net.parameters()) {
            if (p.name().endsWith(".gamma") || p.name().endsWith(".beta")) {
                double[] v = new double[(int) p.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (p.name().endsWith(".gamma") ? 1 : 0) + 0.3 * random.nextGaussian();
                }
                p.value().assign(Nd4j.createFromArray(v).castTo(DataType.FLOAT));
            }
        }
        for (int step = 0; step < 3; step++) {
            net.trainStep(batch(random, 8, shape));
        }
        return net;
    }

    static Batch batch(SplittableRandom random, int n, ImageShape shape) {
        float[] x = new float[n * shape.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(5);
        }
        return new Batch(x, labels, n, shape);
    }

    private static ExportRequest request(ImageShape shape, DilatedConvolutions dilated, boolean aux) {
        float[] mean = new float[shape.channels()];
        float[] std = new float[shape.channels()];
        java.util.Arrays.fill(mean, 0.5f);
        java.util.Arrays.fill(std, 0.25f);
        return new ExportRequest(ExportFormat.SAMEDIFF, aux, dilated, shape, mean, std,
                List.of("a", "b", "c", "d", "e"), Map.of("source", "test"));
    }

    /** Largest |difference| between the loaded file's logits and the engine's on 6 fresh images. */
    private static double compareLoaded(Nd4jTargetNetwork net, Path file, ImageShape shape) throws IOException {
        SameDiff sd = SameDiff.load(file.toFile(), false);
        Batch b = batch(new SplittableRandom(99), 6, shape);
        float[][] expected = net.logits(b);
        INDArray x = Nd4j.create(b.images(), new long[] {6, shape.channels(), shape.height(), shape.width()}, 'c');
        INDArray actual = sd.outputSingle(Map.of(NetworkGraph.INPUT, x), NetworkGraph.LOGITS);
        assertThat(actual.shape()).containsExactly(6, 5);
        double max = 0;
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 5; c++) {
                max = Math.max(max, Math.abs(expected[r][c] - actual.getDouble(r, c)));
            }
        }
        return max;
    }

    @Test
    void dartsV2SameDiffFileReproducesTheEngine() throws IOException {
        // DARTS_V2: sep_conv, dil_conv (stride 1 and 2), max_pool, skip_connect (identity and FactorizedReduce)
        try (Nd4jTargetNetwork net = trained(Genotypes.DARTS_V2, Layout.CIFAR, CIFAR, 0, false)) {
            for (DilatedConvolutions mode : List.of(DilatedConvolutions.REWRITE, DilatedConvolutions.EXPANDED_KERNEL)) {
                Path file = dir.resolve("darts-" + mode + ".sd");
                ExportResult result = new Dl4jExporter().export(net, request(CIFAR, mode, false), file);
                assertThat(result.modelBytes()).isEqualTo(Files.size(file)).isPositive();
                assertThat(result.maxAbsLogitDiff()).isLessThan(1e-4);
                assertThat(compareLoaded(net, file, CIFAR)).isLessThan(1e-4);
                JsonNode meta = new ObjectMapper().readTree(result.metadata().toFile());
                assertThat(result.metadata()).isEqualTo(dir.resolve("darts-" + mode + ".json"));
                assertThat(meta.path("input").path("shape").toString()).isEqualTo("[-1,3,16,16]");
                assertThat(meta.path("normalisation").path("std").get(2).asDouble()).isEqualTo(0.25);
                assertThat(meta.path("classNames").get(4).asText()).isEqualTo("e");
                assertThat(meta.path("source").asText()).isEqualTo("test");
            }
        }
    }

    @Test
    void oneStageLayoutAndAuxiliaryHeadExport() throws IOException {
        // one-stage BN layout: BN after pools and identities; average pooling excluding padding; aux head output.
        // 32x32 input: the auxiliary cell's output is 8x8, as the head requires
        ImageShape shape = new ImageShape(3, 32, 32);
        try (Nd4jTargetNetwork net = trained(Genotypes.ISTA_ONESTAGE, Layout.CIFAR, shape, 0.4, true)) {
            Path file = dir.resolve("onestage.sd");
            new Dl4jExporter().export(net, request(shape, DilatedConvolutions.REWRITE, true), file);
            assertThat(compareLoaded(net, file, shape)).isLessThan(1e-4);
            SameDiff sd = SameDiff.load(file.toFile(), false);
            INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32);
            assertThat(sd.output(Map.of(NetworkGraph.INPUT, x), NetworkGraph.AUX_LOGITS).get(NetworkGraph.AUX_LOGITS)
                    .shape()).containsExactly(2, 5);
        }
    }

    @Test
    void imagenetLayoutExports() throws IOException {
        ImageShape shape = new ImageShape(3, 64, 64);
        try (Nd4jTargetNetwork net = trained(Genotypes.ISTA_IMAGENET, Layout.IMAGENET, shape, 0, false)) {
            Path file = dir.resolve("imagenet.sd");
            new Dl4jExporter().export(net, request(shape, DilatedConvolutions.REWRITE, false), file);
            assertThat(compareLoaded(net, file, shape)).isLessThan(1e-4);
        }
    }

    @Test
    void operationWithoutExporterIsNamedAndNothingIsWritten() {
        try (Nd4jTargetNetwork net = trained(Genotypes.DARTS_V2, Layout.CIFAR, CIFAR, 0, false)) {
            Dl4jExporter exporter = new Dl4jExporter(new NetworkGraph(
                    PrimitiveExporters.standard().without("maxPool/avgPool"), OperationExporters.standard()), null);
            Path file = dir.resolve("x.sd");
            assertThatThrownBy(() -> exporter.export(net, request(CIFAR, DilatedConvolutions.REWRITE, false), file))
                    .isInstanceOf(UnsupportedExportException.class)
                    .hasMessageContaining("'max_pool_3x3' (cell 1, node 0, edge 0)")
                    .hasMessageContaining("org.istanas.ops.engine.nn.Pool");
            assertThat(file).doesNotExist();
            assertThat(ExportMetadata.sidecar(file)).doesNotExist();
        }
    }

    @Test
    void nativeDilationFailsOnOneDnnWithAdvice() throws IOException {
        try (Nd4jTargetNetwork net = trained(Genotypes.DARTS_V2, Layout.CIFAR, CIFAR, 0, false)) {
            Path file = dir.resolve("native.sd");
            ExportRequest nativeDilation = request(CIFAR, DilatedConvolutions.NATIVE, false);
            if (Backend.hasOneDnn()) {
                assertThatThrownBy(() -> new Dl4jExporter().export(net, nativeDilation, file))
                        .isInstanceOf(UnsupportedExportException.class)
                        .hasMessageContaining("--dilated rewrite");
                assertThat(file).doesNotExist();
            } else {
                new Dl4jExporter().export(net, nativeDilation, file);
                assertThat(compareLoaded(net, file, CIFAR)).isLessThan(1e-4);
            }
        }
    }

    @Test
    void badRequestsFailBeforeWriting() {
        try (Nd4jTargetNetwork net = trained(Genotypes.DARTS_V2, Layout.CIFAR, CIFAR, 0, false)) {
            assertThatThrownBy(() -> new Dl4jExporter().export(net, request(CIFAR, DilatedConvolutions.REWRITE, true),
                    dir.resolve("m.sd"))).hasMessageContaining("without an auxiliary head");
            assertThatThrownBy(() -> new Dl4jExporter().export(net, request(CIFAR, DilatedConvolutions.REWRITE, false),
                    dir.resolve("m.json"))).hasMessageContaining("metadata");
            assertThatThrownBy(() -> new Dl4jExporter().export(net, request(CIFAR, DilatedConvolutions.REWRITE, false),
                    dir)).hasMessageContaining("is a directory");
            assertThat(dir).isEmptyDirectory();
        }
    }
}
