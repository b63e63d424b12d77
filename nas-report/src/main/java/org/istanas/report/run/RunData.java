package org.istanas.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.run.RunFolder;

/**
 * What one search or evaluation folder holds, read from its files alone (no engine, no plugins), so that reports
 * can be made for old folders and for folders of runs still going. Every file is optional except that a run folder
 * has a provenance.json; a file that is missing is empty here, a file that cannot be read is named in
 * {@link #problems()} and the report shows the rest.
 */
public final class RunData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final JsonNode provenance;
    private final Map<String, String> invocation;
    private final String config;
    private final Table metrics;
    private final Table codes;
    private final Genotype genotype;
    private final String otherSpaceArchitecture;
    private final JsonNode result;
    private final List<String> problems;

    private RunData(Path root, JsonNode provenance, String config, Table metrics, Table codes, Genotype genotype,
                    String otherSpaceArchitecture, JsonNode result, List<String> problems) {
        this.otherSpaceArchitecture = otherSpaceArchitecture;
        this.root = root;
        this.provenance = provenance;
        Map<String, String> inv = new LinkedHashMap<>();
        if (provenance != null && provenance.path("invocation").isObject()) {
            provenance.path("invocation").fields().forEachRemaining(e -> inv.put(e.getKey(), e.getValue().asText()));
        }
        this.invocation = Collections.unmodifiableMap(inv);
        this.config = config;
        this.metrics = metrics;
        this.codes = codes;
        this.genotype = genotype;
        this.result = result;
        this.problems = List.copyOf(problems);
    }

    /** Whether {@code folder} is a single run (it has a provenance.json). */
    public static boolean isRun(Path folder) {
        return Files.isRegularFile(folder.resolve(RunFolder.PROVENANCE));
    }

    /** Reads the run in {@code folder}; fails only when it is not a run folder at all. */
    public static RunData read(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder is null");
        if (!Files.isDirectory(folder)) {
            throw new IOException("run folder " + folder + " does not exist");
        }
        if (!isRun(folder)) {
            throw new IOException("folder " + folder + " has no " + RunFolder.PROVENANCE
                    + "; it is not an istanas search or evaluation folder");
        }
        List<String> problems = new ArrayList<>();
        JsonNode provenance = json(folder.resolve(RunFolder.PROVENANCE), problems).orElse(null);
        String config = text(folder.resolve(RunFolder.CONFIG), problems).orElse(null);
        Table metrics = table(folder.resolve(RunFolder.METRICS), problems).orElse(null);
        Table codes = table(folder.resolve(RunFolder.CODES), problems).orElse(null);
        Genotype genotype = null;
        String otherSpace = null;
        Path genotypeFile = folder.resolve(RunFolder.GENOTYPE);
        if (Files.isRegularFile(genotypeFile)) {
            try {
                JsonNode file = new com.fasterxml.jackson.databind.ObjectMapper().readTree(genotypeFile.toFile());
                String space = file.path("space").asText("darts");
                if (!space.equals("darts")) {
                    otherSpace = space + " cell " + file.path("arch").asText("?");
                } else {
                    genotype = GenotypeJson.read(genotypeFile);
                }
            } catch (IOException | RuntimeException e) {
                problems.add(genotypeFile.getFileName() + ": " + e.getMessage());
            }
        }
        JsonNode result = json(folder.resolve(RunFolder.RESULT), problems).orElse(null);
        return new RunData(folder, provenance, config, metrics, codes, genotype, otherSpace, result, problems);
    }

    private static Optional<String> text(Path file, List<String> problems) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(file.getFileName() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> json(Path file, List<String> problems) {
        return text(file, problems).flatMap(t -> {
            try {
                return Optional.of(JSON.readTree(t));
            } catch (IOException e) {
                problems.add(file.getFileName() + " is not valid JSON: " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    private static Optional<Table> table(Path file, List<String> problems) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Table.read(file));
        } catch (IOException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }

    public Path root() {
        return root;
    }

    /** {@code search} or {@code evaluate} (folders written before the kind was recorded are searches). */
    public String kind() {
        return invocation.getOrDefault("kind", "search");
    }

    public boolean isEvaluation() {
        return "evaluate".equals(kind());
    }

    /** The search strategy, or {@code evaluate} for an evaluation. */
    public String strategy() {
        return isEvaluation() ? "evaluate" : invocation.getOrDefault("strategy", "?");
    }

    public Map<String, String> invocation() {
        return invocation;
    }

    public Optional<JsonNode> provenance() {
        return Optional.ofNullable(provenance);
    }

    /** config.yaml as written. */
    public Optional<String> config() {
        return Optional.ofNullable(config);
    }

    /** A top-level value of config.yaml ({@code key: value} lines), e.g. {@code sparsity}. */
    public Optional<String> configValue(String key) {
        if (config == null) {
            return Optional.empty();
        }
        for (String line : config.split("\n")) {
            if (line.startsWith(key + ":")) {
                return Optional.of(line.substring(key.length() + 1).trim());
            }
        }
        return Optional.empty();
    }

    public Optional<Table> metrics() {
        return Optional.ofNullable(metrics);
    }

    public Optional<Table> codes() {
        return Optional.ofNullable(codes);
    }

    public Optional<Genotype> genotype() {
        return Optional.ofNullable(genotype);
    }

    /**
     * The architecture of a genotype.json of another space than darts, as a line such as
     * {@code nas-bench-201 cell |nor_conv_3x3~0|+|...|} (such runs have no DARTS {@link #genotype()}).
     */
    public Optional<String> otherSpaceArchitecture() {
        return Optional.ofNullable(otherSpaceArchitecture);
    }

    /** result.json of a finished run. */
    public Optional<JsonNode> result() {
        return Optional.ofNullable(result);
    }

    public boolean finished() {
        return result != null;
    }

    /** Files that exist but could not be read, with the reason. */
    public List<String> problems() {
        return problems;
    }
}
