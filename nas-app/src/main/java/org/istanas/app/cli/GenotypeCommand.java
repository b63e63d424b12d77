package org.istanas.app.cli;

import picocli.CommandLine.Command;

/** {@code istanas genotype}: show and list genotypes (the cell architectures searches produce). */
@Command(name = "genotype", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Show and list genotypes. A genotype is named by a built-in name (DARTS_V1, DARTS_V2, "
                + "ISTA_twostage, ISTA_onestage, ISTA_ImageNet) or a JSON file.",
        subcommands = {GenotypeShowCommand.class, GenotypeListCommand.class})
public final class GenotypeCommand {
}
