package org.istanas.app.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.istanas.api.Named;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeDot;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.genotype.GenotypeText;
import org.istanas.api.genotype.GenotypeValidator;
import org.istanas.api.genotype.Genotypes;
import org.istanas.api.spi.PluginCatalog;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code istanas genotype show NAME|FILE [--dot | --json]}: both cells as text, Graphviz DOT or JSON. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show both cells of a genotype as text (default), Graphviz DOT or JSON.",
        footer = {"", "Example: istanas genotype show DARTS_V2 --dot | dot -Tpng -o darts_v2.png"})
public final class GenotypeShowCommand implements Callable<Integer> {
    private final PluginCatalog catalog;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME|FILE", description = "A built-in genotype name or a genotype JSON file.")
    String genotype;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--dot", description = "Print Graphviz DOT of both cells.")
        boolean dot;

        @Option(names = "--json", description = "Print the genotype in its JSON file format.")
        boolean json;
    }

    @Inject
    GenotypeShowCommand(PluginCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
    }

    @Override
    public Integer call() {
        Genotype resolved = Genotypes.resolve(genotype);
        List<String> operations = catalog.operations().stream().map(Named::name).toList();
        if (!operations.isEmpty()) {
            try {
                GenotypeValidator.checkOperations(resolved, operations);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(genotype + ": " + e.getMessage(), e);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format != null && format.dot) {
            out.print(GenotypeDot.render(resolved));
        } else if (format != null && format.json) {
            out.print(GenotypeJson.toJson(resolved));
        } else {
            String name = Genotypes.nameOf(resolved);
            out.println("Genotype " + genotype + (name != null && !name.equals(genotype) ? " (= " + name + ")" : ""));
            out.println();
            out.print(GenotypeText.render(resolved));
        }
        out.flush();
        return 0;
    }
}
