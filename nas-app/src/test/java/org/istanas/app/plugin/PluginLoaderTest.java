package org.istanas.app.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SolverLimits;
import org.istanas.api.solver.SparseSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PluginLoaderTest {
    @TempDir
    Path plugins;

    private PluginRegistry load() {
        return PluginLoader.pluginDirectoriesOnly(getClass().getClassLoader()).load(plugins, true);
    }

    @Test
    void pluginJarIsDiscoveredFromItsDirectoryInItsOwnClassLoader() throws IOException {
        Path jar = PluginJars.solverPlugin(plugins.resolve("zero").resolve("zero-solver.jar"), "zero", "zero",
                "fixture_identity");
        try (PluginRegistry registry = load()) {
            SparseSolver solver = registry.solver("zero");
            assertThat(solver.description()).isEqualTo("returns z = 0 (test fixture)");
            assertThat(solver.getClass().getClassLoader()).isInstanceOf(URLClassLoader.class)
                    .isNotSameAs(getClass().getClassLoader());
            assertThat(((URLClassLoader) solver.getClass().getClassLoader()).getName()).isEqualTo("plugin:zero");
            assertThat(registry.source(PluginKind.SOLVER, "zero")).isEqualTo(jar.toString());
            assertThat(registry.operation("fixture_identity").parameterFree()).isTrue();
            assertThat(registry.contributions(PluginKind.OPERATION)).extracting(Contribution::source)
                    .containsExactly(jar.toString());

            // The loaded class really runs: z = 0, objective 1/2 ||b||^2 = 1/2 (9 + 16).
            Recovery recovery = solver.solve(new LassoProblem(new double[][] {{1, 2, 3}, {4, 5, 6}},
                    new double[] {3, 4}, 1e-5, 1, null, SolverLimits.DEFAULT));
            assertThat(recovery.z()).containsExactly(0, 0, 0);
            assertThat(recovery.objective()).isEqualTo(12.5);
        }
    }

    @Test
    void applicationClassPathAndDirectoriesAreBothScanned() throws IOException {
        PluginJars.solverPlugin(plugins.resolve("zero").resolve("zero.jar"), "zero", "zero", null);
        try (PluginRegistry registry = PluginLoader.withApplicationClassPath(getClass().getClassLoader())
                .load(plugins, true)) {
            assertThat(registry.solvers()).extracting(SparseSolver::name).contains("zero");
            assertThat(registry.contributions(PluginKind.SOLVER)).filteredOn(c -> !c.name().equals("zero"))
                    .allSatisfy(c -> assertThat(c.source()).startsWith("classpath ("));
        }
    }

    @Test
    void duplicateOfAClassPathPluginNamesTheClassPathJarAndThePluginJar(@TempDir Path elsewhere) throws IOException {
        Path builtIn = PluginJars.solverPlugin(elsewhere.resolve("built-in.jar"), "builtin", "zero", null);
        Path plugin = PluginJars.solverPlugin(plugins.resolve("z").resolve("z.jar"), "z", "zero", null);
        try (URLClassLoader application = new URLClassLoader(new java.net.URL[] {builtIn.toUri().toURL()},
                getClass().getClassLoader())) {
            assertThatThrownBy(() -> PluginLoader.withApplicationClassPath(application).load(plugins, true))
                    .isInstanceOf(PluginLoadException.class)
                    .hasMessage("duplicate solver 'zero': registered by classpath (built-in.jar) and by " + plugin);
        }
    }

    @Test
    void duplicateNamesNameBothJars() throws IOException {
        Path first = PluginJars.solverPlugin(plugins.resolve("a").resolve("first.jar"), "a", "zero", null);
        Path second = PluginJars.solverPlugin(plugins.resolve("b").resolve("second.jar"), "b", "zero", null);
        assertThatThrownBy(this::load)
                .isInstanceOf(PluginLoadException.class)
                .hasMessage("duplicate solver 'zero': registered by " + first + " and by " + second);
    }

    @Test
    void directoryWhoseJarsRegisterNothingIsNamed() throws IOException {
        Path dir = plugins.resolve("empty");
        PluginJars.build(dir.resolve("library.jar"),
                Map.of("fixture.lib.Helper", "package fixture.lib; public final class Helper {}"), null);
        assertThatThrownBy(this::load)
                .isInstanceOf(PluginLoadException.class)
                .hasMessage("plugin directory " + dir + " loads no org.istanas.api.spi.NasPlugin: none of its jars "
                        + "[library.jar] has a META-INF/services/org.istanas.api.spi.NasPlugin naming a plugin class "
                        + "of its own");
    }

    /** Issue 15 item 10: a damaged jar was reported as "has no META-INF/services". */
    @Test
    void aCorruptJarIsNamedWithTheRealCause() throws IOException {
        Path garbage = Files.createDirectories(plugins.resolve("garbage")).resolve("solver.jar");
        Files.writeString(garbage, "this is not a zip file");
        assertThatThrownBy(this::load)
                .isInstanceOf(PluginLoadException.class)
                .hasMessageStartingWith(garbage + ": not a readable jar (")
                .hasMessageContaining("copy or build it again")
                .hasMessageNotContaining("META-INF/services");
    }

    @Test
    void aTruncatedJarIsNamedWithTheRealCause() throws IOException {
        Path good = PluginJars.solverPlugin(plugins.resolve("cut").resolve("zero-solver.jar"), "zero", "zero",
                "fixture_identity");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(good, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // an interrupted copy
        assertThatThrownBy(this::load)
                .isInstanceOf(PluginLoadException.class)
                .hasMessageStartingWith(good + ": not a readable jar (")
                .hasMessageNotContaining("META-INF/services");
    }

    @Test
    void directoryWithoutJarsIsNamed() throws IOException {
        Path dir = Files.createDirectories(plugins.resolve("notes"));
        Files.writeString(dir.resolve("README.txt"), "not a plugin");
        assertThatThrownBy(this::load)
                .isInstanceOf(PluginLoadException.class)
                .hasMessage("plugin directory " + dir + " holds no .jar files");
    }

    @Test
    void providerThatCannotBeLoadedIsNamedWithItsDirectory() throws IOException {
        Path dir = plugins.resolve("broken");
        PluginJars.build(dir.resolve("broken.jar"),
                Map.of("fixture.broken.Helper", "package fixture.broken; public final class Helper {}"),
                "fixture.broken.Missing");
        assertThatThrownBy(this::load)
                .isInstanceOf(PluginLoadException.class)
                .hasMessageStartingWith("cannot load a NasPlugin from plugin directory " + dir + ": ")
                .hasMessageContaining("fixture.broken.Missing");
    }

    @Test
    void jarOutsideASubDirectoryIsRejected() throws IOException {
        Path jar = PluginJars.solverPlugin(plugins.resolve("loose.jar"), "loose", "loose", null);
        assertThatThrownBy(this::load)
                .isInstanceOf(PluginLoadException.class)
                .hasMessage(jar + ": a plugin jar must sit in its own sub-directory, e.g. "
                        + plugins.resolve("loose").resolve("loose.jar"));
    }

    @Test
    void missingDirectoryIsAnErrorOnlyWhenAskedFor() throws IOException {
        Path missing = plugins.resolve("nowhere");
        PluginLoader loader = PluginLoader.pluginDirectoriesOnly(getClass().getClassLoader());
        assertThatThrownBy(() -> loader.load(missing, true))
                .isInstanceOf(PluginLoadException.class)
                .hasMessage("plugins directory " + missing + " does not exist");
        try (PluginRegistry registry = loader.load(missing, false)) {
            assertThat(registry.solvers()).isEmpty();
        }
        assertThat(List.of(plugins.toFile().list())).isEmpty();
    }
}
