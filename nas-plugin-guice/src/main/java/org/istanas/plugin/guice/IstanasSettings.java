package org.istanas.plugin.guice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.istanas.api.config.ConfigException;

/**
 * The application's settings: flat {@code istanas.*} keys with string values, each remembering where it came from
 * (a file, the system properties, an embedding program). Typed configuration records are bound from a prefix of
 * them ({@link ConfigBinder}). Immutable.
 *
 * <p>The command line reads the file named by the system property {@value #FILE_PROPERTY} (a {@code .properties}
 * file, or YAML/JSON whose top-level key is {@code istanas}), then the system properties {@code istanas.*}, which win
 * key by key ({@link #fromEnvironment()}).
 */
public final class IstanasSettings {
    /** Every key starts with this. */
    public static final String ROOT = "istanas";
    /** System property naming a settings file. */
    public static final String FILE_PROPERTY = "istanas.settings";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Value(String text, String source) {
    }

    private final Map<String, Value> values;

    private IstanasSettings(Map<String, Value> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static IstanasSettings empty() {
        return new IstanasSettings(Map.of());
    }

    /**
     * Settings from a map of {@code istanas.*} keys.
     *
     * @param source where they came from, for error messages ({@code embedding program})
     * @throws ConfigException for a key outside {@code istanas.}
     */
    public static IstanasSettings of(Map<String, String> settings, String source) {
        Objects.requireNonNull(settings, "settings is null");
        Objects.requireNonNull(source, "source is null");
        Map<String, Value> values = new TreeMap<>();
        settings.forEach((key, value) -> {
            requireUnderRoot(key, source);
            values.put(key, new Value(Objects.requireNonNull(value, "value of " + key + " is null"), source));
        });
        return new IstanasSettings(values);
    }

    /** The system properties whose names start with {@code istanas.} (the settings-file property included). */
    public static IstanasSettings fromSystemProperties() {
        Map<String, String> found = new TreeMap<>();
        Properties properties = System.getProperties();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(ROOT + ".")) {
                found.put(name, properties.getProperty(name));
            }
        }
        return of(found, "system properties");
    }

    /** The settings file named by {@value #FILE_PROPERTY}, if any, overridden by the system properties. */
    public static IstanasSettings fromEnvironment() {
        String file = System.getProperty(FILE_PROPERTY);
        IstanasSettings base = file == null || file.isBlank() ? empty() : load(Path.of(file));
        return base.overriddenBy(fromSystemProperties());
    }

    /**
     * Reads a settings file: {@code .properties}, or YAML/JSON nested under one top-level key {@code istanas}
     * ({@code istanas: {toy: {factor: 0.5}}} is the key {@code istanas.toy.factor}).
     *
     * @throws ConfigException naming the file for a missing or malformed file, or a key outside {@code istanas}
     */
    public static IstanasSettings load(Path file) {
        Objects.requireNonNull(file, "file is null");
        String source = file.toString();
        try {
            if (source.endsWith(".properties")) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                Map<String, String> map = new TreeMap<>();
                properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
                return of(map, source);
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode tree = text.isBlank() ? YAML.createObjectNode() : YAML.readTree(text);
            if (!tree.isObject()) {
                throw new ConfigException(source + ": expected a mapping with the top-level key '" + ROOT + "'");
            }
            Map<String, String> flat = new TreeMap<>();
            flatten(tree, "", flat);
            return of(flat, source);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source + ": no such settings file", e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read settings file " + source + ": " + e.getMessage(), e);
        }
    }

    /** These settings with {@code later}'s values replacing theirs key by key. */
    public IstanasSettings overriddenBy(IstanasSettings later) {
        Map<String, Value> merged = new TreeMap<>(values);
        merged.putAll(later.values);
        return new IstanasSettings(merged);
    }

    /** The value of a full key ({@code istanas.toy.factor}), or null. */
    public String get(String key) {
        Value value = values.get(key);
        return value == null ? null : value.text();
    }

    /** Where the value of {@code key} came from, or null when it is not set. */
    public String sourceOf(String key) {
        Value value = values.get(key);
        return value == null ? null : value.source();
    }

    /**
     * The keys below {@code istanas.PREFIX.}, without that part, sorted ({@code under("toy")} maps
     * {@code istanas.toy.factor} to {@code factor}).
     */
    public Map<String, String> under(String prefix) {
        String start = key(prefix) + ".";
        Map<String, String> found = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(start)) {
                found.put(key.substring(start.length()), value.text());
            }
        });
        return Collections.unmodifiableMap(found);
    }

    /** The full key of a prefix: {@code toy} is {@code istanas.toy}. */
    public static String key(String prefix) {
        Objects.requireNonNull(prefix, "prefix is null");
        if (prefix.isBlank() || prefix.startsWith(".") || prefix.endsWith(".")) {
            throw new IllegalArgumentException("a settings prefix is a dotted name such as 'mysolver', not '"
                    + prefix + "'");
        }
        return ROOT + "." + prefix;
    }

    @Override
    public String toString() {
        return values.keySet().toString();
    }

    private static void requireUnderRoot(String key, String source) {
        if (key == null || !key.startsWith(ROOT + ".") || key.length() == ROOT.length() + 1) {
            throw new ConfigException(source + ": setting '" + key + "' is not an " + ROOT + ".* key");
        }
    }

    private static void flatten(JsonNode node, String path, Map<String, String> flat) throws JsonProcessingException {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), flat);
            }
        } else if (node.isArray()) {
            flat.put(path, JSON.writeValueAsString(node)); // a flow sequence, read back as one by ConfigBinder
        } else {
            flat.put(path, node.isNull() ? "null" : node.asText());
        }
    }
}
