package org.istanas.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.istanas.app.plugin.Contribution;
import org.istanas.app.plugin.PluginKind;
import org.istanas.app.wiring.PluginListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code istanas plugins}: every discovered strategy, operation, solver and dataset with the jar it came from. */
@Command(name = "plugins", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List every discovered search strategy, candidate operation, sparse-coding solver and "
                + "dataset, with its description and source jar.")
public final class PluginsCommand implements Callable<Integer> {
    private final PluginListing listing;
    private final LaunchOptions launch;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "Only this kind: ${COMPLETION-CANDIDATES}.", converter = KindConverter.class,
            completionCandidates = KindConverter.Names.class)
    PluginKind kind;

    @Inject
    PluginsCommand(PluginListing listing, LaunchOptions launch) {
        this.listing = Objects.requireNonNull(listing, "listing is null");
        this.launch = Objects.requireNonNull(launch, "launch is null");
    }

    @Override
    public Integer call() throws Exception {
        List<PluginKind> kinds = kind == null ? List.of(PluginKind.values()) : List.of(kind);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(kinds));
        } else {
            printTable(out, kinds);
        }
        out.flush();
        return 0;
    }

    private void printTable(PrintWriter out, List<PluginKind> kinds) {
        for (PluginKind k : kinds) {
            List<Contribution> contributions = listing.contributions(k);
            String order = k == PluginKind.OPERATION && contributions.size() > 1 ? ", in search-space order" : "";
            out.println(k.title() + " (" + contributions.size() + order + ")");
            if (contributions.isEmpty()) {
                out.println("  (none)");
            }
            int nameWidth = contributions.stream().mapToInt(c -> c.name().length()).max().orElse(0);
            int descriptionWidth = contributions.stream().mapToInt(c -> c.description().length()).max().orElse(0);
            for (Contribution c : contributions) {
                out.println(String.format(Locale.ROOT, "  %-" + nameWidth + "s  %-" + descriptionWidth + "s  %s",
                        c.name(), c.description(), c.source()).stripTrailing());
            }
            out.println();
        }
        String directory = launch.pluginsDirectory().toString();
        out.println("Plugins directory: " + directory + (Files.isDirectory(launch.pluginsDirectory()) ? ""
                : " (absent; see docs/extending.md to add plugins)"));
    }

    private String toJson(List<PluginKind> kinds) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("pluginsDirectory", launch.pluginsDirectory().toString());
        for (PluginKind k : kinds) {
            ArrayNode array = root.putArray(k.plural());
            for (Contribution c : listing.contributions(k)) {
                array.addObject().put("name", c.name()).put("description", c.description()).put("source", c.source());
            }
        }
        return mapper.writeValueAsString(root);
    }

    /** Accepts kind names in any case and the plural (e.g. {@code solvers}). */
    static final class KindConverter implements picocli.CommandLine.ITypeConverter<PluginKind> {
        @Override
        public PluginKind convert(String value) {
            String normalized = value.toLowerCase(Locale.ROOT);
            for (PluginKind k : PluginKind.values()) {
                if (normalized.equals(k.noun()) || normalized.equals(k.plural())) {
                    return k;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("unknown kind '" + value + "'; known: "
                    + new Names());
        }

        /** The kind names, for help and completion. */
        static final class Names extends java.util.ArrayList<String> {
            private static final long serialVersionUID = 1L;

            Names() {
                for (PluginKind k : PluginKind.values()) {
                    add(k.noun());
                }
            }
        }
    }
}
