package org.istanas.api.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The directory a search or evaluation writes, with one fixed layout so that runs of different strategies can be
 * compared side by side and resumed:
 * <pre>
 * config.yaml        effective configuration (all layers merged)
 * provenance.json    version, git commit, seeds, solver, plugins, dataset checksum, backend, invocation
 * metrics.csv        one row per epoch
 * codes.csv          architecture codes per epoch (recovered x for ISTA-NAS, alphas for DARTS)
 * genotype.json      the final genotype
 * cells.dot          Graphviz drawing of the two cells (+ cells.svg / cells.png when dot is installed)
 * result.json        summary of the finished run (absent while it runs)
 * checkpoints/       resumable state
 * </pre>
 */
public final class RunFolder {
    public static final String CONFIG = "config.yaml";
    public static final String PROVENANCE = "provenance.json";
    public static final String METRICS = "metrics.csv";
    public static final String CODES = "codes.csv";
    public static final String GENOTYPE = "genotype.json";
    public static final String CELLS_DOT = "cells.dot";
    public static final String RESULT = "result.json";
    public static final String CHECKPOINTS = "checkpoints";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path root;

    private RunFolder(Path root) {
        this.root = root;
    }

    /** Creates {@code root} (and parents) for a new run; fails if it already holds a run. */
    public static RunFolder create(Path root) throws IOException {
        Objects.requireNonNull(root, "root is null");
        if (Files.exists(root.resolve(PROVENANCE)) || Files.exists(root.resolve(CHECKPOINTS))) {
            throw new IOException("run folder " + root + " already holds a run; choose another --out or resume it"
                    + " with: istanas resume --run " + root);
        }
        Files.createDirectories(root.resolve(CHECKPOINTS));
        return new RunFolder(root);
    }

    /** Opens an existing run folder (for resume or inspection); fails naming the missing file. */
    public static RunFolder open(Path root) throws IOException {
        Objects.requireNonNull(root, "root is null");
        if (!Files.isDirectory(root)) {
            throw new IOException("run folder " + root + " does not exist");
        }
        for (String required : new String[] {CONFIG, PROVENANCE}) {
            if (!Files.isRegularFile(root.resolve(required))) {
                throw new IOException("run folder " + root + " has no " + required + "; it is not an istanas run");
            }
        }
        Files.createDirectories(root.resolve(CHECKPOINTS));
        return new RunFolder(root);
    }

    /** A fresh, not yet existing directory under {@code parent}: {@code <label>-<UTC time>-s<seed>[-k]}. */
    public static Path newDirectory(Path parent, String label, long seed, Instant now) {
        Objects.requireNonNull(parent, "parent is null");
        String base = label + "-" + STAMP.format(now) + "-s" + seed;
        Path candidate = parent.resolve(base);
        for (int k = 2; Files.exists(candidate); k++) {
            candidate = parent.resolve(base + "-" + k);
        }
        return candidate;
    }

    public Path root() {
        return root;
    }

    public Path config() {
        return root.resolve(CONFIG);
    }

    public Path provenance() {
        return root.resolve(PROVENANCE);
    }

    public Path metrics() {
        return root.resolve(METRICS);
    }

    public Path codes() {
        return root.resolve(CODES);
    }

    public Path genotype() {
        return root.resolve(GENOTYPE);
    }

    public Path cellsDot() {
        return root.resolve(CELLS_DOT);
    }

    public Path result() {
        return root.resolve(RESULT);
    }

    public Path checkpoints() {
        return root.resolve(CHECKPOINTS);
    }

    /** Any other file of the run, e.g. {@code model.bin} of an evaluation. */
    public Path file(String name) {
        return root.resolve(name);
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
