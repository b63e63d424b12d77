package org.istanas.ops.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.api.genotype.CellType;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.spi.NasPlugin;
import org.istanas.ops.OpsPlugin;
import org.istanas.ops.engine.Nd4jEngine;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.optim.ParamGroup;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.SparseSearchNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A candidate operation compiled into its own jar during the test, found through ServiceLoader and used in a
 * search network with no change anywhere else.
 */
final class ExternalOperationPluginTest {
    private static final String SOURCE = """
            package example.ops;

            import java.util.List;
            import org.istanas.api.op.*;
            import org.istanas.api.spi.NasPlugin;

            public final class Conv3x3Plugin implements NasPlugin {
                @Override
                public List<CandidateOperation> operations() {
                    return List.of(new CandidateOperation() {
                        public String name() { return "conv_3x3"; }
                        public String description() { return "ReLU, 3x3 convolution, BN"; }
                        public OpBlock build(OpBuilder b, OpSpec s) {
                            return b.sequence(b.relu(), b.conv(s.channels(), s.channels(), 3, s.stride(), 1, 1),
                                    b.batchNorm(s.channels(), s.affine()));
                        }
                    });
                }
            }
            """;

    @TempDir
    Path dir;

    private Path buildJar() throws IOException {
        Path src = dir.resolve("src/example/ops/Conv3x3Plugin.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int rc = compiler.run(null, null, null, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), src.toString());
        assertThat(rc).as("plugin compiles").isZero();
        Path jar = dir.resolve("conv3x3-plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + NasPlugin.class.getName()));
            OutputStream o = out;
            o.write("example.ops.Conv3x3Plugin\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void anOperationFromItsOwnJarTrainsInASearchNetwork() throws IOException {
        Path jar = buildJar();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                getClass().getClassLoader())) {
            List<CandidateOperation> ops = new ArrayList<>(OpsPlugin.paperOperations());
            for (NasPlugin plugin : ServiceLoader.load(NasPlugin.class, loader)) {
                if (!(plugin instanceof OpsPlugin)) {
                    ops.addAll(plugin.operations());
                }
            }
            assertThat(ops).extracting(CandidateOperation::name).endsWith("conv_3x3").hasSize(8);
            ImageShape shape = new ImageShape(3, 8, 8);
            SearchNetworkSpec spec = new SearchNetworkSpec(shape, 4, 2, 3, 4, ops, 0, 1);
            Nd4jEngine engine = new Nd4jEngine();
            try (SparseSearchNetwork net = engine.sparseSearchNetwork(spec)) {
                Random random = new Random(2);
                for (CellType type : CellType.values()) {
                    for (int j = 0; j < 4; j++) {
                        int n = spec.candidates(j);
                        assertThat(n).isEqualTo(8 * (j + 2));
                        double[][] a = new double[7][n];
                        for (double[] row : a) {
                            for (int k = 0; k < n; k++) {
                                row[k] = random.nextDouble();
                            }
                        }
                        // conv_3x3 (op 7) on inputs 0 and 1: both edges of the reduction cell use stride 2
                        net.setSupport(type, j, a, new int[] {7, 15}, new double[n]);
                    }
                }
                float[] images = new float[4 * shape.size()];
                for (int i = 0; i < images.length; i++) {
                    images[i] = (float) random.nextGaussian();
                }
                Batch batch = new Batch(images, new int[] {0, 1, 2, 3}, 4, shape);
                double first = net.trainStep(batch).loss();
                assertThat(first).isFinite();
                List<Param> active = ParamGroup.of(net.weights()).params().stream().filter(Param::hasGradient)
                        .toList();
                assertThat(active).extracting(Param::name).anyMatch(name -> name.contains("conv_3x3"));
                assertThat(active).extracting(Param::name).noneMatch(name -> name.contains("sep_conv"));
                for (int[] counts : net.computedOperations()) {
                    assertThat(counts).containsExactly(2, 2, 2, 2);
                }
                var sgd = engine.sgd(net.weights(), 0.05, 0.9, 0);
                for (int i = 0; i < 15; i++) {
                    net.trainStep(batch);
                    sgd.step();
                }
                assertThat(net.trainStep(batch).loss()).as("training on one batch lowers its loss")
                        .isLessThan(first);
            }
        }
    }
}
