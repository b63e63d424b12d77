package org.istanas.app.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.data.ImageShape;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.space.Architecture;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.space.SpaceGenotypes;
import org.istanas.api.space.SpaceNetworks;
import org.istanas.api.space.StandaloneModel;
import org.istanas.api.space.StandaloneRequest;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.ops.OpsPlugin;
import org.istanas.api.network.TargetNetworkSpec.Layout;
import org.istanas.ops.tools.ParameterCounter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code istanas params --genotype NAME|FILE [...]}: the trainable parameter count of a genotype's target network,
 * as papers report it (auxiliary head excluded unless {@code --with-aux}), on the last output line.
 */
@Command(name = "params", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Count the parameters of a genotype's evaluation network (the count is the last line).",
        footer = {"", "Defaults: cifar = 36 channels, 20 cells, 10 classes; imagenet = 48, 14, 1000.",
                "Example: istanas params --genotype DARTS_V2   (prints 3349342)"})
public final class ParamsCommand implements Callable<Integer> {
    private final PluginCatalog catalog;

    @Spec
    CommandSpec spec;

    @Option(names = "--genotype", required = true, paramLabel = "NAME|FILE",
            description = "A built-in genotype name or a genotype JSON file.")
    String genotype;

    @Option(names = "--space", paramLabel = "NAME",
            description = "Search space of the genotype (default: inferred; darts for built-in names, nas-bench-201 "
                    + "for strings starting with '|').")
    String space;

    @Option(names = "--network", paramLabel = "cifar|imagenet", defaultValue = "cifar",
            description = "Network layout: cifar (3x3 stem) or imagenet (three stride-2 stem convolutions). "
                    + "Default: ${DEFAULT-VALUE}.")
    String network;

    @Option(names = "--channels", paramLabel = "N", description = "Initial channels C.")
    Integer channels;

    @Option(names = "--layers", paramLabel = "N", description = "Number of cells.")
    Integer layers;

    @Option(names = "--classes", paramLabel = "N", description = "Number of classes.")
    Integer classes;

    @Option(names = "--one-stage-bn", description = "Append a BN to parameter-free ops (one-stage architectures).")
    boolean oneStageBn;

    @Option(names = "--with-aux", description = "Include the auxiliary head.")
    boolean withAux;

    @Inject
    ParamsCommand(PluginCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
    }

    private Layout layout() {
        return switch (network.toLowerCase(Locale.ROOT)) {
            case "cifar" -> Layout.CIFAR;
            case "imagenet" -> Layout.IMAGENET;
            default -> throw new org.istanas.api.UsageException("--network must be cifar or imagenet, got '" + network + "'");
        };
    }

    @Override
    public Integer call() {
        if (channels != null) {
            OptionBounds.check("--channels", channels, 1, OptionBounds.MAX_CHANNELS);
        }
        if (layers != null) {
            OptionBounds.check("--layers", layers, 1, OptionBounds.MAX_LAYERS);
        }
        if (classes != null) {
            OptionBounds.check("--classes", classes, 1, OptionBounds.MAX_CLASSES);
        }
        Architecture architecture = SpaceGenotypes.resolve(genotype, space, catalog::space);
        if (!(architecture instanceof Genotype)) {
            return countOther(catalog.space(architecture.space()), architecture);
        }
        Layout layout = layout();
        Genotype resolved = (Genotype) architecture;
        List<CandidateOperation> operations = catalog.operations().isEmpty() ? OpsPlugin.paperOperations()
                : catalog.operations();
        ParameterCounter.Request request = ParameterCounter.Request.defaults(resolved, layout)
                .withOneStageBn(oneStageBn).withAuxiliary(withAux);
        if (channels != null) {
            request = request.withChannels(channels);
        }
        if (layers != null) {
            request = request.withLayers(layers);
        }
        if (classes != null) {
            request = request.withClasses(classes);
        }
        long count;
        try {
            count = new ParameterCounter(ParameterCounter.byName(operations)).count(request);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(genotype + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s, %s network: %d channels, %d cells, %d classes%s, auxiliary head %s: %.3fM%n",
                genotype, layout.name().toLowerCase(Locale.ROOT), request.channels(), request.layers(),
                request.classes(), oneStageBn ? ", one-stage BN" : "", withAux ? "included" : "excluded",
                count / 1e6);
        out.println(count);
        out.flush();
        return 0;
    }

    /** A space with its own macro network (nas-bench-201: C = 16, N = 5); only --classes applies. */
    private int countOther(SearchSpace searchSpace, Architecture architecture) {
        if (channels != null || layers != null || oneStageBn || withAux) {
            throw new IllegalArgumentException("--channels, --layers, --one-stage-bn and --with-aux apply to darts "
                    + "genotypes only; the " + searchSpace.name() + " network is fixed (only --classes applies)");
        }
        SpaceNetworks networks = searchSpace.networks().orElseThrow(() -> new IllegalArgumentException(
                "no loaded engine builds networks of the " + searchSpace.name() + " space"));
        int classCount = classes == null ? 10 : classes;
        long count;
        try (StandaloneModel model = networks.standalone(architecture,
                new StandaloneRequest(new ImageShape(3, 32, 32), classCount, 0))) {
            count = model.parameterCount();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s, %s network, %d classes: %.6fM%n", genotype, searchSpace.name(), classCount,
                count / 1e6);
        out.println(count);
        out.flush();
        return 0;
    }
}
