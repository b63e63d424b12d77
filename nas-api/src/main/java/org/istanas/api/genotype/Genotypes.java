package org.istanas.api.genotype;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The published genotypes, addressable by name anywhere a genotype file is accepted, and the resolver that
 * turns "a name or a file" into a {@link Genotype}. Cells are copied from the official repositories
 * (ISTA-NAS {@code tools/genotypes.py}; DARTS_V1/V2 from its first commit), entry for entry.
 */
public final class Genotypes {
    private static final List<Integer> CONCAT = List.of(2, 3, 4, 5);

    /** DARTS first-order cells (Liu et al. 2019). */
    public static final Genotype DARTS_V1 = cells(
            edges("sep_conv_3x3", 1, "sep_conv_3x3", 0, "skip_connect", 0, "sep_conv_3x3", 1,
                    "skip_connect", 0, "sep_conv_3x3", 1, "sep_conv_3x3", 0, "skip_connect", 2),
            edges("max_pool_3x3", 0, "max_pool_3x3", 1, "skip_connect", 2, "max_pool_3x3", 0,
                    "max_pool_3x3", 0, "skip_connect", 2, "skip_connect", 2, "avg_pool_3x3", 0));

    /** DARTS second-order cells (Liu et al. 2019), the usual DARTS baseline. */
    public static final Genotype DARTS_V2 = cells(
            edges("sep_conv_3x3", 0, "sep_conv_3x3", 1, "sep_conv_3x3", 0, "sep_conv_3x3", 1,
                    "sep_conv_3x3", 1, "skip_connect", 0, "skip_connect", 0, "dil_conv_3x3", 2),
            edges("max_pool_3x3", 0, "max_pool_3x3", 1, "skip_connect", 2, "max_pool_3x3", 1,
                    "max_pool_3x3", 0, "skip_connect", 2, "skip_connect", 2, "max_pool_3x3", 1));

    /** Two-stage ISTA-NAS on CIFAR-10. */
    public static final Genotype ISTA_TWOSTAGE = cells(
            edges("skip_connect", 0, "dil_conv_3x3", 1, "sep_conv_5x5", 0, "dil_conv_3x3", 2,
                    "dil_conv_3x3", 1, "sep_conv_3x3", 0, "sep_conv_3x3", 2, "skip_connect", 0),
            edges("avg_pool_3x3", 0, "sep_conv_5x5", 1, "dil_conv_5x5", 2, "max_pool_3x3", 1,
                    "dil_conv_5x5", 3, "sep_conv_3x3", 1, "dil_conv_5x5", 4, "sep_conv_5x5", 1));

    /** One-stage ISTA-NAS on CIFAR-10 (evaluated with the extra-BN network). */
    public static final Genotype ISTA_ONESTAGE = cells(
            edges("skip_connect", 0, "dil_conv_3x3", 1, "sep_conv_3x3", 1, "dil_conv_5x5", 2,
                    "avg_pool_3x3", 3, "sep_conv_3x3", 1, "sep_conv_5x5", 1, "sep_conv_3x3", 2),
            edges("avg_pool_3x3", 0, "max_pool_3x3", 1, "skip_connect", 0, "max_pool_3x3", 1,
                    "sep_conv_5x5", 1, "avg_pool_3x3", 0, "max_pool_3x3", 0, "dil_conv_5x5", 2));

    /** One-stage ISTA-NAS searched on ImageNet. */
    public static final Genotype ISTA_IMAGENET = cells(
            edges("sep_conv_3x3", 1, "sep_conv_3x3", 0, "sep_conv_3x3", 1, "skip_connect", 2,
                    "sep_conv_3x3", 1, "sep_conv_3x3", 0, "sep_conv_3x3", 1, "dil_conv_5x5", 4),
            edges("skip_connect", 0, "sep_conv_3x3", 1, "dil_conv_5x5", 2, "sep_conv_3x3", 0,
                    "sep_conv_3x3", 0, "skip_connect", 2, "sep_conv_3x3", 2, "skip_connect", 3));

    private static final Map<String, Genotype> BUILT_IN = builtIns();

    private Genotypes() {
    }

    /** The built-in genotypes by their official names, in a stable order. */
    public static Map<String, Genotype> builtIn() {
        return BUILT_IN;
    }

    /**
     * Resolves a built-in name (exact, then ignoring case) or else a JSON file path.
     *
     * @throws IllegalArgumentException for an unknown name that is no file (listing the built-in names) or an
     *                                  invalid file (naming the file and the field)
     * @throws UncheckedIOException     when the file exists but cannot be read
     */
    public static Genotype resolve(String nameOrFile) {
        return resolve(nameOrFile, Paths.get(""));
    }

    /** Like {@link #resolve(String)}, resolving relative file paths against {@code baseDirectory}. */
    public static Genotype resolve(String nameOrFile, Path baseDirectory) {
        Objects.requireNonNull(nameOrFile, "nameOrFile is null");
        Objects.requireNonNull(baseDirectory, "baseDirectory is null");
        Genotype builtIn = BUILT_IN.get(nameOrFile);
        if (builtIn != null) {
            return builtIn;
        }
        for (Map.Entry<String, Genotype> entry : BUILT_IN.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(nameOrFile)) {
                return entry.getValue();
            }
        }
        Path file = baseDirectory.resolve(nameOrFile);
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("genotype " + file + " is a directory; give a genotype.json file"
                    + (Files.isRegularFile(file.resolve("genotype.json")) ? " such as " + file.resolve("genotype.json")
                    : "") + " or a built-in name");
        }
        if (!Files.isRegularFile(file)) {
            throw new org.istanas.api.UsageException("unknown genotype '" + nameOrFile
                    + "': neither a built-in name nor a file; built-in: " + List.copyOf(BUILT_IN.keySet()));
        }
        try {
            return GenotypeJson.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read genotype: " + e.getMessage(), e);
        }
    }

    /** The built-in name of a genotype equal to {@code genotype}, or {@code null} when it is none of them. */
    public static String nameOf(Genotype genotype) {
        for (Map.Entry<String, Genotype> entry : BUILT_IN.entrySet()) {
            if (entry.getValue().equals(genotype)) {
                return entry.getKey();
            }
        }
        return null;
    }

    private static Map<String, Genotype> builtIns() {
        Map<String, Genotype> map = new LinkedHashMap<>();
        map.put("DARTS_V1", DARTS_V1);
        map.put("DARTS_V2", DARTS_V2);
        map.put("ISTA_twostage", ISTA_TWOSTAGE);
        map.put("ISTA_onestage", ISTA_ONESTAGE);
        map.put("ISTA_ImageNet", ISTA_IMAGENET);
        return Collections.unmodifiableMap(map);
    }

    private static Genotype cells(List<GenotypeEdge> normal, List<GenotypeEdge> reduce) {
        return new Genotype(normal, CONCAT, reduce, CONCAT);
    }

    private static List<GenotypeEdge> edges(Object... opInputPairs) {
        List<GenotypeEdge> edges = new ArrayList<>();
        for (int i = 0; i < opInputPairs.length; i += 2) {
            edges.add(new GenotypeEdge((String) opInputPairs[i], (Integer) opInputPairs[i + 1]));
        }
        return edges;
    }
}
