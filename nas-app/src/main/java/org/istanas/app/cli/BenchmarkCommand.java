package org.istanas.app.cli;

import picocli.CommandLine.Command;

/** {@code istanas benchmark}: the NAS-Bench-201 table as an oracle (lookups, statistics, table-only searches). */
@Command(name = "benchmark", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Query a NAS-Bench-201 table (its CSV export: CIFAR10TestAccuracy200Epochs,"
                + "CIFAR100TestAccuracy200Epochs,ImageNetTestAccuracy200Epochs,ArchitectureString,UniqueString).",
        subcommands = {BenchmarkLookupCommand.class, BenchmarkStatsCommand.class, BenchmarkSearchCommand.class})
public final class BenchmarkCommand {
}
