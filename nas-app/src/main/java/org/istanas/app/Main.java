package org.istanas.app;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Objects;
import org.istanas.api.config.ConfigException;
import org.istanas.app.cli.CliErrors;
import org.istanas.app.cli.CliLogging;
import org.istanas.app.cli.IstanasCommand;
import org.istanas.app.cli.LaunchOptions;
import org.istanas.app.plugin.PluginLoadException;
import org.istanas.app.plugin.PluginLoader;
import org.istanas.app.plugin.PluginRegistry;
import org.istanas.app.wiring.IstanasInjector;
import picocli.CommandLine;

/**
 * Entry point of the {@code istanas} command: sets up logging, loads plugins, builds the injector (which assembles
 * the application: catalog, engine, settings, plugin modules) and runs the picocli command tree, whose commands it
 * creates. Exit codes: 0 success, 1 failure, 2 usage error.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        int exitCode = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /** Runs one command line, writing to {@code out} and {@code err}; returns the exit code (never exits). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Objects.requireNonNull(args, "args is null");
        LaunchOptions launch = LaunchOptions.scan(args, System.getProperty(PluginLoader.PLUGINS_DIR_PROPERTY));
        CliLogging.configure(launch.verbose());
        PluginRegistry registry;
        try {
            registry = PluginLoader.withApplicationClassPath(Main.class.getClassLoader())
                    .load(launch.pluginsDirectory(), launch.pluginsDirectoryExplicit());
        } catch (PluginLoadException e) {
            return CliErrors.report(e, err, launch.verbose());
        }
        try (registry) {
            Injector injector;
            try {
                injector = IstanasInjector.create(registry, new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(LaunchOptions.class).toInstance(launch);
                    }
                });
            } catch (PluginLoadException | ConfigException e) {
                // a plugin module that cannot be wired, or a setting its configuration rejects
                return CliErrors.report(e, err, launch.verbose());
            }
            CommandLine commandLine = IstanasCommand.commandLine(injector, launch.verbose());
            commandLine.setOut(out);
            commandLine.setErr(err);
            return commandLine.execute(args);
        } catch (IOException | OutOfMemoryError e) {
            // picocli passes Errors through; an out-of-memory one still gets the one-line report
            return CliErrors.report(e, err, launch.verbose());
        } finally {
            out.flush();
            err.flush();
        }
    }
}
