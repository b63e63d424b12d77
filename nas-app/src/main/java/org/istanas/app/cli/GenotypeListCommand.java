package org.istanas.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.istanas.api.genotype.Genotypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code istanas genotype list}: the built-in genotype names. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the built-in genotypes (usable wherever a genotype file is accepted).")
public final class GenotypeListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Genotypes.builtIn().keySet().forEach(out::println);
        out.flush();
        return 0;
    }
}
