package org.istanas.search.toolkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named presets as complete key maps: the defaults record converted to its keys, with the preset's changes on top.
 * Complete maps make a preset self-describing and independent of how the configuration loader fills absent keys.
 */
public final class Presets {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Record defaults;
    private final Map<String, Map<String, Object>> changes;
    private final Map<String, String> bases;

    /** @param changes per preset name (in listing order), the keys it changes; the first preset is the default */
    public Presets(Record defaults, Map<String, Map<String, Object>> changes) {
        this(defaults, changes, Map.of());
    }

    /**
     * @param changes per preset name (in listing order), the keys it changes relative to its base
     * @param bases   per preset name, the preset it builds on (its changes apply first); absent = the defaults
     */
    public Presets(Record defaults, Map<String, Map<String, Object>> changes, Map<String, String> bases) {
        this.defaults = defaults;
        this.changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        this.bases = Map.copyOf(bases);
        for (Map.Entry<String, String> base : this.bases.entrySet()) {
            if (!this.changes.containsKey(base.getKey()) || !this.changes.containsKey(base.getValue())
                    || this.bases.containsKey(base.getValue())) {
                throw new IllegalStateException("preset " + base.getKey() + " builds on " + base.getValue()
                        + ", which must be a preset without a base of its own");
            }
        }
    }

    /** The preset {@code name} builds on, or empty when it builds on the record defaults. */
    public java.util.Optional<String> base(String name) {
        int at = name.indexOf('@');
        return java.util.Optional.ofNullable(at < 0 ? bases.get(name) : name.substring(at + 1));
    }

    public List<String> names() {
        return List.copyOf(changes.keySet());
    }

    /**
     * The complete key map of preset {@code name}. {@code NAME@BASE} builds preset NAME on preset BASE instead of on
     * its declared base, e.g. {@code smoke@official}: the smoke sizes with the released code's recipe.
     */
    public Map<String, Object> get(String name, String strategy) {
        int at = name.indexOf('@');
        String own = at < 0 ? name : name.substring(0, at);
        Map<String, Object> change = changes.get(own);
        if (change == null) {
            throw unknown(name, strategy);
        }
        String base = at < 0 ? bases.get(name) : name.substring(at + 1);
        if (base != null && !changes.containsKey(base)) {
            throw unknown(name, strategy);
        }
        if (at >= 0 && bases.containsKey(base)) {
            throw new org.istanas.api.UsageException("preset '" + name + "': " + base + " builds on "
                    + bases.get(base) + " itself; after '@' name one of " + baseNames());
        }
        Map<String, Object> all = new LinkedHashMap<>(JSON.convertValue(defaults, new TypeReference<Map<String, Object>>() {
        }));
        for (Map<String, Object> layer : base == null ? List.of(change) : List.of(changes.get(base), change)) {
            for (String key : layer.keySet()) {
                if (!all.containsKey(key)) {
                    throw new IllegalStateException("preset " + name + " sets unknown key " + key);
                }
            }
            all.putAll(layer);
        }
        return Collections.unmodifiableMap(all);
    }

    private org.istanas.api.UsageException unknown(String name, String strategy) {
        return new org.istanas.api.UsageException("unknown preset '" + name + "' for strategy " + strategy + "; known: "
                + names() + " (NAME@BASE builds NAME on BASE, one of " + baseNames() + ", e.g. "
                + names().get(names().size() - 1) + "@" + baseNames().get(0) + ")");
    }

    /** The presets that build on the record defaults, i.e. those that may follow '@'. */
    public List<String> baseNames() {
        return changes.keySet().stream().filter(n -> !bases.containsKey(n)).toList();
    }

    /** The preset as a record of the given type (for tests and the embedding API). */
    public <T extends Record> T record(String name, String strategy, Class<T> type) {
        return JSON.convertValue(get(name, strategy), type);
    }
}
