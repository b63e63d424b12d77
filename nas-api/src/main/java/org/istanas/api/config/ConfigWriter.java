package org.istanas.api.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import java.util.Objects;

/**
 * Writes configuration records back out, e.g. the effective {@code config.yaml} of a run folder. The YAML is
 * readable by {@link ConfigLoader}, so a run can be repeated from it.
 */
public final class ConfigWriter {
    private ConfigWriter() {
    }

    /** YAML with keys in record-component order and no document marker. */
    public static String toYaml(Object config) {
        Objects.requireNonNull(config, "config is null");
        try {
            return ConfigMappers.YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new ConfigException("cannot write " + config.getClass().getSimpleName() + " as YAML: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * The configuration as nested maps, lists and scalars, exactly what {@link #toYaml} writes. Tests pin a
     * record's defaults with it: {@code assertThat(ConfigWriter.toMap(SearchConfig.defaults())).isEqualTo(
     * Map.of("epochs", 50, ...))} fails when a default or a key name changes.
     */
    public static Map<String, Object> toMap(Object config) {
        Objects.requireNonNull(config, "config is null");
        return ConfigMappers.JSON.convertValue(config, new TypeReference<java.util.LinkedHashMap<String, Object>>() {
        });
    }
}
