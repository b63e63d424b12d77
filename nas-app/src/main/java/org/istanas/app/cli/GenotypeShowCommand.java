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
import org.istanas.api.space.Architecture;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.space.SpaceGenotypes;
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

    @Option(names = "--space", paramLabel = "NAME",
            description = "Search space of the genotype (default: from the file's \"space\" field; darts for "
                    + "built-in names and older files; nas-bench-201 for strings starting with '|').")
    String space;

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
        Architecture architecture = SpaceGenotypes.resolve(genotype, space, catalog::space);
        if (!(architecture instanceof Genotype)) {
            return show(catalog.space(architecture.space()), architecture);
        }
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

    /** Any space other than darts: its own codec and renderings. */
    private int show(SearchSpace searchSpace, Architecture architecture) {
        try {
            searchSpace.checkOperations(architecture, searchSpace.operations());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(genotype + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format != null && format.dot) {
            out.print(searchSpace.dot(architecture));
        } else if (format != null && format.json) {
            out.print(searchSpace.toJson(architecture));
        } else {
            out.print(searchSpace.text(architecture));
        }
        out.flush();
        return 0;
    }
}
