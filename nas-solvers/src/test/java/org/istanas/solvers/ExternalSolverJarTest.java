package org.istanas.solvers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SolverLimits;
import org.istanas.api.solver.SparseSolver;
import org.istanas.api.spi.NasPlugin;
import org.istanas.solvers.cli.RecoveryTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A solver shipped in its own jar is discovered through ServiceLoader and used by name. The jar is built here:
 * a fixture plugin source is compiled against nas-api only and packed with its META-INF/services entry.
 */
final class ExternalSolverJarTest {
    @TempDir
    Path dir;

    /** A fixture solver with a recognisable answer, z_k = k, compiled against nas-api only. */
    private static final String FIXTURE = """
            package com.example.nas;

            import java.util.List;
            import org.istanas.api.solver.LassoProblem;
            import org.istanas.api.solver.Recovery;
            import org.istanas.api.solver.SparseSolver;
            import org.istanas.api.spi.NasPlugin;

            public final class CountingPlugin implements NasPlugin {
                @Override
                public List<SparseSolver> solvers() {
                    return List.of(new SparseSolver() {
                        public String name() { return "counting"; }
                        public String description() { return "test fixture: z_k = k"; }
                        public Recovery solve(LassoProblem p) {
                            double[] z = new double[p.columns()];
                            for (int k = 0; k < z.length; k++) { z[k] = k; }
                            return new Recovery(z, 1, 0, true, "from " + getClass().getClassLoader().getClass().getSimpleName());
                        }
                    });
                }
            }
            """;

    @Test
    void solverFromASeparateJarIsFoundAndUsedByName() throws Exception {
        Path jar = buildPluginJar();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                NasPlugin.class.getClassLoader())) {
            List<NasPlugin> plugins = ServiceLoader.load(NasPlugin.class, loader).stream()
                    .map(ServiceLoader.Provider::get).toList();
            Map<String, SparseSolver> byName = plugins.stream().flatMap(p -> p.solvers().stream())
                    .collect(Collectors.toMap(SparseSolver::name, Function.identity()));
            // the parent's built-in solvers and the jar's solver side by side
            assertThat(byName).containsKeys("ista", "fista", "lp", "l0-mip", "counting");
            SparseSolver counting = byName.get("counting");
            assertThat(counting.getClass().getClassLoader()).isSameAs(loader);

            Recovery direct = counting.solve(new LassoProblem(new double[][] {{1, 2, 3}}, new double[] {1}, 0, 1,
                    null, SolverLimits.DEFAULT));
            assertThat(direct.z()).containsExactly(0, 1, 2);

            Path a = Files.writeString(dir.resolve("A.csv"), "1,2,3\n4,5,6\n");
            Path b = Files.writeString(dir.resolve("b.csv"), "1\n2\n");
            RecoveryTool.Result result = new RecoveryTool(byName::get).run(RecoveryTool.Request.of("counting", a, b));
            assertThat(result.solver()).isEqualTo("counting");
            assertThat(result.support()).containsExactly(2, 1);
        }
    }

    private Path buildPluginJar() throws IOException, URISyntaxException {
        Path src = dir.resolve("src/com/example/nas/CountingPlugin.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, FIXTURE, StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String apiClassPath = Path.of(NasPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("tests need a JDK, not a JRE").isNotNull();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-classpath", apiClassPath,
                "--release", "17", src.toString());
        assertThat(status).as("fixture compiles against nas-api alone").isZero();

        Path jar = dir.resolve("counting-solver.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("META-INF/services/" + NasPlugin.class.getName()));
            out.write("com.example.nas.CountingPlugin\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(f));
                    out.closeEntry();
                }
            }
        }
        return jar;
    }
}
