package org.istanas.app.cli;

import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top-level {@code istanas} command. Subcommands are classes in this package; they are created through
 * {@link GuiceFactory}, so they may {@code @jakarta.inject.Inject} what the application binds (e.g.
 * {@link org.istanas.api.spi.PluginCatalog}). Every subcommand declares {@code mixinStandardHelpOptions = true}.
 */
@Command(name = "istanas",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Neural architecture search by sparse coding (ISTA-NAS), with strategies, operations, "
                + "solvers and datasets as plugins.",
        footer = {"", "Run 'istanas COMMAND --help' for the options of a command. Exit codes: 0 success, "
                + "1 failure, 2 usage error."},
        subcommands = {
            DemoCommand.class,
            SearchCommand.class,
            ResumeCommand.class,
            EvaluateCommand.class,
            ExportCommand.class,
            PluginsCommand.class,
            GenotypeCommand.class,
            RecoverCommand.class,
            DataCommand.class,
            RankCommand.class,
            ParamsCommand.class,
            BenchCommand.class,
            BenchmarkCommand.class,
            SuperNetRankCommand.class,
            ConsistencyCommand.class,
            ReportCommand.class,
            CompareCommand.class,
            AblationCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class IstanasCommand {
    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log details (including the numeric backend's) and print stack traces of errors.")
    boolean verbose;

    @Option(names = "--plugins-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Directory whose sub-directories hold plugin jars (default: plugins, or the system "
                    + "property istanas.plugins.dir).")
    Path pluginsDirectory;

    /**
     * The command tree with the application's error handling: failures exit 1 with one line on stderr, usage
     * errors exit 2 with a pointer to {@code --help}.
     */
    public static CommandLine commandLine(Injector injector, boolean verbose) {
        Objects.requireNonNull(injector, "injector is null");
        CommandLine commandLine = new CommandLine(IstanasCommand.class, new GuiceFactory(injector));
        commandLine.setExecutionExceptionHandler(CliErrors.executionHandler(verbose));
        commandLine.setParameterExceptionHandler(CliErrors.parameterHandler());
        commandLine.setUsageHelpAutoWidth(true);
        return commandLine;
    }
}
