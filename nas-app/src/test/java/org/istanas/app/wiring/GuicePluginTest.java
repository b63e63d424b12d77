package org.istanas.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.multibindings.MapBinder;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.istanas.api.Named;
import org.istanas.api.config.ConfigException;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SolverLimits;
import org.istanas.api.solver.SparseSolver;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.app.Main;
import org.istanas.app.embed.Istanas;
import org.istanas.app.plugin.Contribution;
import org.istanas.app.plugin.PluginJars;
import org.istanas.app.plugin.PluginKind;
import org.istanas.app.plugin.PluginLoadException;
import org.istanas.app.plugin.PluginLoader;
import org.istanas.app.plugin.PluginRegistry;
import org.istanas.plugin.guice.ConfigBinder;
import org.istanas.plugin.guice.GuicePlugin;
import org.istanas.plugin.guice.IstanasSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin that brings its own Guice module: a solver built by the injector from a typed configuration bound from
 * {@code istanas.test.scaled.*}, next to a solver the plugin lists the ordinary way.
 */
final class GuicePluginTest {
    /** The scaled solver's settings; {@code istanas.test.scaled.factor} and {@code .iterations}. */
    public record ScaledConfig(double factor, int iterations) {
        public static ScaledConfig defaults() {
            return new ScaledConfig(1.0, 5);
        }

        public ScaledConfig {
            if (factor <= 0) {
                throw new IllegalArgumentException("factor must be > 0, not " + factor);
            }
        }
    }

    /** z = factor * A^T b: a solver whose answer shows which configuration it was built with. */
    static final class ScaledSolver implements SparseSolver {
        private final ScaledConfig config;

        @Inject
        ScaledSolver(ScaledConfig config) {
            this.config = config;
        }

        @Override
        public String name() {
            return "scaled";
        }

        @Override
        public String description() {
            return "factor * A^T b (test fixture)";
        }

        @Override
        public Recovery solve(LassoProblem problem) {
            double[] z = new double[problem.columns()];
            for (int i = 0; i < problem.rows(); i++) {
                for (int j = 0; j < z.length; j++) {
                    z[j] += config.factor() * problem.a()[i][j] * problem.b()[i];
                }
            }
            return new Recovery(z, config.iterations(), 0, true, "fixture");
        }
    }

    record Listed(String name, String description) implements SparseSolver {
        @Override
        public Recovery solve(LassoProblem problem) {
            throw new UnsupportedOperationException();
        }
    }

    /** Lists one solver and binds another, under {@code key}, through its module. */
    static final class ScaledPlugin implements GuicePlugin {
        private final String key;

        ScaledPlugin(String key) {
            this.key = key;
        }

        @Override
        public List<SparseSolver> solvers() {
            return List.of(new Listed("ista", "listed (test fixture)"));
        }

        @Override
        public Module guiceModule() {
            return binder -> {
                ConfigBinder.bindConfig(binder, "test.scaled", ScaledConfig.class);
                MapBinder.newMapBinder(binder, String.class, SparseSolver.class).addBinding(key).to(ScaledSolver.class);
            };
        }
    }

    @TempDir
    Path dir;

    private static PluginRegistry registry(String key) {
        return PluginRegistry.builder().add(new ScaledPlugin(key), "test.jar").build();
    }

    /** A = diag(1, 2), b = (1, 1): A^T b = (1, 2). */
    private static LassoProblem problem() {
        return new LassoProblem(new double[][] {{1, 0}, {0, 2}}, new double[] {1, 1}, 0.1, 1, null,
                SolverLimits.DEFAULT);
    }

    @Test
    void theModulesSolverIsBuiltWithTheConfigurationOfItsPrefix() {
        IstanasSettings settings = IstanasSettings.of(Map.of("istanas.test.scaled.factor", "0.5"), "test settings");
        Injector injector = IstanasInjector.create(registry("scaled"), settings);

        assertThat(injector.getInstance(ScaledConfig.class)).isEqualTo(new ScaledConfig(0.5, 5));
        PluginCatalog catalog = injector.getInstance(Istanas.class).catalog();
        assertThat(catalog.solvers()).extracting(Named::name).containsExactly("ista", "scaled");
        Recovery recovery = catalog.solver("scaled").solve(problem());
        assertThat(recovery.z()).containsExactly(0.5, 1.0);
        assertThat(recovery.iterations()).isEqualTo(5);
        assertThatThrownBy(() -> catalog.solver("mosek")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown solver 'mosek'; known: [ista, scaled]");
        // istanas plugins lists both, the module's with the plugin it came from
        assertThat(injector.getInstance(PluginListing.class).contributions(PluginKind.SOLVER))
                .extracting(Contribution::name, Contribution::source)
                .containsExactly(tuple("ista", "test.jar"),
                        tuple("scaled", "Guice module of " + ScaledPlugin.class.getName() + " from test.jar"));
    }

    @Test
    void aSettingTheConfigurationRejectsFailsAtStartUpNamingTheKeyAndItsSource() {
        IstanasSettings settings = IstanasSettings.of(Map.of("istanas.test.scaled.factor", "-1"), "test settings");
        assertThatThrownBy(() -> IstanasInjector.create(registry("scaled"), settings))
                .isInstanceOf(ConfigException.class)
                .hasMessage("istanas.test.scaled.* (test settings): factor must be > 0, not -1.0");
        IstanasSettings typo = IstanasSettings.of(Map.of("istanas.test.scaled.factr", "2"), "test settings");
        assertThatThrownBy(() -> IstanasInjector.create(registry("scaled"), typo))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("istanas.test.scaled.factr (test settings): unknown key");
    }

    @Test
    void aNameBoundTwiceOrUnderAnotherNameFailsAtStartUp() {
        assertThatThrownBy(() -> IstanasInjector.create(registry("ista"), IstanasSettings.empty()))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("cannot wire the plugins").hasMessageContaining("ista");
        assertThatThrownBy(() -> IstanasInjector.create(registry("other"), IstanasSettings.empty()))
                .isInstanceOf(PluginLoadException.class)
                .hasMessage("solver bound as 'other' names itself 'scaled' (" + ScaledSolver.class.getName()
                        + "); bind it under its name");
    }

    @Test
    void aPluginJarInThePluginsDirectoryBringsItsModuleAndConfiguration() throws IOException {
        String source = """
                package fixture.guice;

                import com.google.inject.Module;
                import com.google.inject.multibindings.MapBinder;
                import jakarta.inject.Inject;
                import org.istanas.api.solver.*;
                import org.istanas.plugin.guice.ConfigBinder;
                import org.istanas.plugin.guice.GuicePlugin;

                public final class HalvingPlugin implements GuicePlugin {
                    public record Config(double factor) {
                        public static Config defaults() { return new Config(0.5); }
                        public Config {
                            if (factor <= 0) { throw new IllegalArgumentException("factor must be > 0, not " + factor); }
                        }
                    }
                    public static final class Halving implements SparseSolver {
                        private final Config config;
                        @Inject public Halving(Config config) { this.config = config; }
                        public String name() { return "halving"; }
                        public String description() { return "z = factor * b (test fixture)"; }
                        public Recovery solve(LassoProblem p) {
                            double[] z = new double[p.columns()];
                            for (int j = 0; j < z.length; j++) { z[j] = config.factor() * p.b()[j]; }
                            return new Recovery(z, 1, 0, true, "fixture");
                        }
                    }
                    @Override public Module guiceModule() {
                        return binder -> {
                            ConfigBinder.bindConfig(binder, "halving", Config.class);
                            MapBinder.newMapBinder(binder, String.class, SparseSolver.class)
                                    .addBinding("halving").to(Halving.class);
                        };
                    }
                }
                """;
        Path plugins = dir.resolve("plugins");
        PluginJars.build(plugins.resolve("halving/halving.jar"), Map.of("fixture.guice.HalvingPlugin", source),
                "fixture.guice.HalvingPlugin");
        Path settingsFile = Files.writeString(dir.resolve("settings.yaml"), "istanas:\n  halving:\n    factor: 0.25\n");
        try (PluginRegistry registry = PluginLoader.pluginDirectoriesOnly(getClass().getClassLoader())
                .load(plugins, true)) {
            assertThat(registry.modules()).singleElement()
                    .satisfies(m -> assertThat(m.source()).endsWith("halving.jar"));
            PluginCatalog catalog = IstanasInjector.create(registry, IstanasSettings.load(settingsFile))
                    .getInstance(Istanas.class).catalog();
            assertThat(catalog.solver("halving").solve(problem()).z()).containsExactly(0.25, 0.25);
            // without the file, the record's defaults
            PluginCatalog defaults = IstanasInjector.create(registry, IstanasSettings.empty())
                    .getInstance(Istanas.class).catalog();
            assertThat(defaults.solver("halving").solve(problem()).z()).containsExactly(0.5, 0.5);
        }
        // the command line lists it, with the plugin that bound it
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"--plugins-dir", plugins.toString(), "plugins", "--kind", "solver"},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("halving +z = factor \\* b \\(test fixture\\) +Guice module of "
                + "fixture.guice.HalvingPlugin from .*halving.jar");

        // a system property the plugin's configuration rejects stops the command line at start-up: a usage error
        StringWriter rejected = new StringWriter();
        System.setProperty("istanas.halving.factor", "-2");
        try {
            exit = Main.run(new String[] {"--plugins-dir", plugins.toString(), "plugins"}, new PrintWriter(out),
                    new PrintWriter(rejected));
        } finally {
            System.clearProperty("istanas.halving.factor");
        }
        assertThat(exit).isEqualTo(2);
        assertThat(rejected.toString()).startsWith("istanas: istanas.halving.* (system properties): factor must be > 0,"
                + " not -2.0");
    }
}
