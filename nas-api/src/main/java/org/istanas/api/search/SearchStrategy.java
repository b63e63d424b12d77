package org.istanas.api.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.istanas.api.ExtensionPoint;
import org.istanas.api.Named;

/**
 * A neural architecture search algorithm, e.g. two-stage ISTA-NAS, one-stage ISTA-NAS or DARTS.
 *
 * <p>A strategy declares its configuration as an immutable record ({@link #configType()}) whose every
 * hyper-parameter is a key, plus named presets that override some keys. The framework merges preset, file and
 * {@code --set} overrides into that record, creates the run folder, writes {@code config.yaml} and
 * {@code provenance.json}, and then calls {@link #search} (new run) or {@link #resume} (continue a run from its last
 * checkpoint). The strategy writes the rest of the run folder ({@link org.istanas.api.run.RunFolder}).
 */
@ExtensionPoint
public interface SearchStrategy extends Named {
    /** The configuration record type; its {@code @JsonProperty} names are the configuration keys. */
    Class<? extends Record> configType();

    /** Preset names; the first one is the default (by convention {@code paper}). */
    default List<String> presets() {
        return List.of("paper");
    }

    /**
     * The keys preset {@code name} sets (on top of the record's defaults).
     *
     * @throws IllegalArgumentException for an unknown preset, listing the known ones
     */
    default Map<String, Object> preset(String name) {
        if (presets().contains(name)) {
            return Map.of();
        }
        throw new org.istanas.api.UsageException("unknown preset '" + name + "' for strategy " + name() + "; known: " + presets());
    }

    /**
     * The keys preset {@code name} sets for a search of {@code space}: a strategy that searches several spaces may
     * give each its own presets of the same names (e.g. {@code smoke} sized for NAS-Bench-201's network). The default
     * is {@link #preset(String)}, whatever the space.
     */
    default Map<String, Object> preset(String name, String space) {
        return preset(name);
    }

    /**
     * The candidate operations a search of {@code space} runs with when the user names none: by default the space's
     * own list. A strategy whose rule excludes some of them (ISTA-NAS on nas-bench-201 has no {@code none}) says so
     * here, so that provenance records exactly the operations the search uses.
     */
    default List<String> defaultOperations(org.istanas.api.space.SearchSpace space) {
        return space.operations();
    }

    /**
     * Opens the super-net of a run (its newest checkpoint) to score architectures with its shared weights; the
     * context is the run's, as for {@link #resume}.
     *
     * @throws UnsupportedOperationException when the strategy has no super-net that scores single architectures
     */
    default SuperNetScorer openSuperNet(SearchContext context) throws IOException {
        throw new UnsupportedOperationException("strategy " + name() + " has no super-net to score architectures");
    }

    /**
     * The search spaces this strategy can search ({@link org.istanas.api.space.SearchSpace#name()}); the framework
     * refuses other spaces before it creates a run folder.
     */
    default List<String> spaces() {
        return List.of("darts");
    }

    /**
     * The preset that {@code name} builds on (its keys apply first), for {@code --print-config} and the docs; empty
     * when it builds directly on the record's defaults.
     */
    default java.util.Optional<String> presetBase(String name) {
        return java.util.Optional.empty();
    }

    /**
     * Values for configuration keys added after a run folder was written: {@code resume} applies them beneath the
     * folder's config.yaml, so an old run continues with the behaviour it started with, not with a newer default.
     */
    default Map<String, Object> legacyDefaults() {
        return Map.of();
    }

    /** Runs a new search in the (fresh) run folder of the context. */
    SearchOutcome search(SearchContext context) throws IOException;

    /**
     * Continues the run in the context's run folder from its last checkpoint and finishes it exactly as an
     * uninterrupted run with the same seed would. Strategies without checkpoints keep the default, which refuses.
     */
    default SearchOutcome resume(SearchContext context) throws IOException {
        throw new UnsupportedOperationException("strategy " + name() + " cannot resume runs");
    }
}
