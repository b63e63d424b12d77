package org.istanas.api.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.Named;

/**
 * Where a run's results come from, written to {@code provenance.json}: enough to reproduce the run (the invocation
 * is what {@code istanas resume} reads back) and to tell two runs apart.
 *
 * @param tool        "istanas"
 * @param version     framework version
 * @param gitCommit   commit of the source tree, or "unknown"
 * @param createdAt   ISO-8601 UTC time the run started
 * @param invocation  what was asked for: strategy, preset, dataset, data directory, solver, seed, ...
 * @param seeds       the base seed and every seed derived from it, by stream name
 * @param dataset     name, checksum and sizes of the data read
 * @param plugins     every plugin contribution the run used, with the jar or directory it came from
 * @param backend     numeric engine description (library, build, threads)
 * @param runtime     Java version, OS, processors
 */
public record Provenance(
        @JsonProperty("tool") String tool,
        @JsonProperty("version") String version,
        @JsonProperty("gitCommit") String gitCommit,
        @JsonProperty("createdAt") String createdAt,
        @JsonProperty("invocation") Map<String, String> invocation,
        @JsonProperty("seeds") Map<String, Long> seeds,
        @JsonProperty("dataset") DatasetInfo dataset,
        @JsonProperty("plugins") List<PluginSource> plugins,
        @JsonProperty("backend") String backend,
        @JsonProperty("runtime") Map<String, String> runtime,
        @JsonProperty("changes") List<SettingsChange> changes) {

    /** A provenance without settings changes (every run as it starts). */
    public Provenance(String tool, String version, String gitCommit, String createdAt, Map<String, String> invocation,
                      Map<String, Long> seeds, DatasetInfo dataset, List<PluginSource> plugins, String backend,
                      Map<String, String> runtime) {
        this(tool, version, gitCommit, createdAt, invocation, seeds, dataset, plugins, backend, runtime, List.of());
    }

    public Provenance {
        Objects.requireNonNull(tool, "tool is null");
        invocation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(invocation == null ? Map.of() : invocation));
        seeds = seeds == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seeds));
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
        runtime = runtime == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runtime));
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** This provenance with one more settings change at the end. */
    public Provenance withChange(SettingsChange change) {
        List<SettingsChange> all = new java.util.ArrayList<>(changes);
        all.add(Objects.requireNonNull(change, "change is null"));
        return new Provenance(tool, version, gitCommit, createdAt, invocation, seeds, dataset, plugins, backend,
                runtime, all);
    }

    /**
     * Settings changed by {@code resume --set} in the middle of a run.
     *
     * @param at        when (ISO-8601)
     * @param fromEpoch the first epoch (1-based) trained with the new values
     * @param fromBatch the first batch (1-based) of that epoch trained with them
     * @param set       key -> new value
     * @param was       key -> value before
     */
    public record SettingsChange(@JsonProperty("at") String at, @JsonProperty("fromEpoch") int fromEpoch,
                                 @JsonProperty("fromBatch") int fromBatch, @JsonProperty("set") Map<String, Object> set,
                                 @JsonProperty("was") Map<String, Object> was) {
    }

    /** Reads an invocation entry, failing with the file's meaning when it is missing. */
    public String invocation(String key) {
        String v = invocation.get(key);
        if (v == null) {
            throw new IllegalArgumentException("provenance has no invocation entry '" + key + "'; has " + invocation.keySet());
        }
        return v;
    }

    /**
     * The dataset a run read.
     *
     * @param name     provider name
     * @param dataDir  directory given, or null
     * @param checksum the provider's checksum of the data
     * @param train    images in the training split
     * @param test     images in the test split
     * @param classes  number of classes
     */
    public record DatasetInfo(@JsonProperty("name") String name, @JsonProperty("dataDir") String dataDir,
                              @JsonProperty("checksum") String checksum, @JsonProperty("train") int train,
                              @JsonProperty("test") int test, @JsonProperty("classes") int classes) {
    }

    /**
     * One plugin contribution.
     *
     * @param kind   strategy, solver, operation or dataset
     * @param name   its name
     * @param type   implementing class
     * @param source the jar or class directory it was loaded from
     */
    public record PluginSource(@JsonProperty("kind") String kind, @JsonProperty("name") String name,
                               @JsonProperty("type") String type, @JsonProperty("source") String source) {
        public static PluginSource of(String kind, Named contribution) {
            Class<?> type = contribution.getClass();
            String source = "unknown";
            CodeSource code = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
            if (code != null && code.getLocation() != null) {
                URL url = code.getLocation();
                try {
                    source = Path.of(url.toURI()).getFileName().toString();
                } catch (Exception e) {
                    source = url.toString();
                }
            }
            return new PluginSource(kind, contribution.name(), type.getName(), source);
        }
    }
}
