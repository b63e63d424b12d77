package org.istanas.app.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.istanas.api.spi.NasPlugin;

/**
 * Builds real plugin jars during a test: compiles Java sources against nas-api (and nas-plugin-guice) with the system
 * compiler, adds {@code META-INF/services/org.istanas.api.spi.NasPlugin} and jars the result, exactly as a plugin
 * author would.
 */
public final class PluginJars {
    private PluginJars() {
    }

    /**
     * A plugin contributing one solver named {@code solverName} (it returns z = 0) and one operation named
     * {@code operationName} (or none when null), with its classes in package {@code fixture.<packageSuffix>}.
     */
    public static Path solverPlugin(Path jar, String packageSuffix, String solverName, String operationName)
            throws IOException {
        String pkg = "fixture." + packageSuffix;
        String operations = operationName == null ? "" : """
                    @Override public List<CandidateOperation> operations() { return List.of(new Identity()); }
                    static final class Identity implements CandidateOperation {
                        public String name() { return "%s"; }
                        public String description() { return "identity (test fixture)"; }
                        public OpBlock build(OpBuilder builder, OpSpec spec) { return builder.identity(); }
                        @Override public boolean parameterFree() { return true; }
                    }
                """.formatted(operationName);
        String source = """
                package %s;

                import java.util.List;
                import org.istanas.api.op.*;
                import org.istanas.api.solver.*;
                import org.istanas.api.spi.NasPlugin;

                public final class FixturePlugin implements NasPlugin {
                    @Override public List<SparseSolver> solvers() { return List.of(new ZeroSolver()); }
                %s
                    static final class ZeroSolver implements SparseSolver {
                        public String name() { return "%s"; }
                        public String description() { return "returns z = 0 (test fixture)"; }
                        public Recovery solve(LassoProblem problem) {
                            double residual = 0;
                            for (double b : problem.b()) { residual += b * b; }
                            return new Recovery(new double[problem.columns()], 0, 0.5 * residual, true, "fixture");
                        }
                    }
                }
                """.formatted(pkg, operations, solverName);
        return build(jar, Map.of(pkg + ".FixturePlugin", source), pkg + ".FixturePlugin");
    }

    /**
     * Compiles {@code sources} (class name to source text) and writes them to {@code jar}, with a service file
     * naming {@code serviceProvider} unless it is null.
     */
    public static Path build(Path jar, Map<String, String> sources, String serviceProvider) throws IOException {
        Path work = Files.createTempDirectory("plugin-jar");
        try {
            Path sourceDir = Files.createDirectories(work.resolve("src"));
            Path classDir = Files.createDirectories(work.resolve("classes"));
            List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-nowarn",
                    "-classpath", apiClassPath(), "-d", classDir.toString()));
            for (Map.Entry<String, String> entry : sources.entrySet()) {
                Path file = sourceDir.resolve(entry.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, entry.getValue());
                arguments.add(file.toString());
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler == null) {
                throw new IllegalStateException("no Java compiler: run the tests on a JDK");
            }
            java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
            int status = compiler.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("fixture does not compile:\n" + diagnostics);
            }
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                if (serviceProvider != null) {
                    out.putNextEntry(new JarEntry("META-INF/services/" + NasPlugin.class.getName()));
                    out.write((serviceProvider + "\n").getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
                try (Stream<Path> files = Files.walk(classDir)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        out.putNextEntry(new JarEntry(classDir.relativize(file).toString().replace('\\', '/')));
                        Files.copy(file, (OutputStream) out);
                        out.closeEntry();
                    }
                }
            }
            return jar;
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * What a plugin compiles against: nas-api's classes (target/classes in a reactor build, or the jar), and for a
     * {@code GuicePlugin} nas-plugin-guice, Guice and jakarta.inject.
     */
    private static String apiClassPath() {
        List<String> path = new ArrayList<>();
        for (Class<?> type : List.of(NasPlugin.class, org.istanas.plugin.guice.GuicePlugin.class,
                com.google.inject.Module.class, jakarta.inject.Inject.class)) {
            try {
                path.add(Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(java.io.File.pathSeparator, path);
    }
}
