package org.istanas.search.twostage;

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

    /** @param changes per preset name (in listing order), the keys it changes; the first preset is the default */
    public Presets(Record defaults, Map<String, Map<String, Object>> changes) {
        this.defaults = defaults;
        this.changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    public List<String> names() {
        return List.copyOf(changes.keySet());
    }

    public Map<String, Object> get(String name, String strategy) {
        Map<String, Object> change = changes.get(name);
        if (change == null) {
            throw new org.istanas.api.UsageException("unknown preset '" + name + "' for strategy " + strategy + "; known: "
                    + names());
        }
        Map<String, Object> all = new LinkedHashMap<>(JSON.convertValue(defaults, new TypeReference<Map<String, Object>>() {
        }));
        for (String key : change.keySet()) {
            if (!all.containsKey(key)) {
                throw new IllegalStateException("preset " + name + " sets unknown key " + key);
            }
        }
        all.putAll(change);
        return Collections.unmodifiableMap(all);
    }

    /** The preset as a record of the given type (for tests and the embedding API). */
    public <T extends Record> T record(String name, String strategy, Class<T> type) {
        return JSON.convertValue(get(name, strategy), type);
    }
}
