package org.istanas.api.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Loads an immutable configuration record from layers, later layers winning key by key:
 * <ol>
 *   <li>the record's own defaults, when it has a {@code public static T defaults()} method;</li>
 *   <li>a preset (nested maps; keys may also be dotted, {@code "optimizer.lr"});</li>
 *   <li>a YAML or JSON file;</li>
 *   <li>command-line overrides {@code dotted.key=value} ({@code --set}); values parse as numbers, booleans,
 *       {@code null}, lists {@code [a, b]}, quoted or plain strings.</li>
 * </ol>
 * Objects merge recursively; lists and scalars replace. Unknown keys are errors naming the key and the layer
 * they came from and listing the known keys. Type errors name the key and the layer that set it; validation
 * errors of the record's compact constructor are wrapped with the layers that were applied.
 */
public final class ConfigLoader {
    static final String DEFAULTS = "defaults";
    static final String PRESET = "preset";

    private ConfigLoader() {
    }

    /**
     * Loads {@code type} from its defaults, {@code preset}, {@code fileOrNull} and {@code overrides}.
     *
     * @throws ConfigException naming the source and key of the first problem
     */
    public static <T> T load(Class<T> type, Map<String, Object> preset, Path fileOrNull, List<String> overrides) {
        Objects.requireNonNull(type, "type is null");
        ObjectMapper mapper = ConfigMappers.JSON;
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        Map<String, String> sourceOfKey = new HashMap<>();
        List<String> applied = new ArrayList<>();

        T defaults = defaultsOf(type);
        if (defaults != null) {
            merge(merged, mapper.valueToTree(defaults), DEFAULTS, "", sourceOfKey);
        }
        if (preset != null && !preset.isEmpty()) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            preset.forEach((key, value) -> setPath(node, key, mapper.valueToTree(value)));
            checkKeys(mapper, type, node, PRESET, "");
            merge(merged, node, PRESET, "", sourceOfKey);
            applied.add(PRESET);
        }
        if (fileOrNull != null) {
            ObjectNode node = readFile(fileOrNull);
            String source = fileOrNull.toString();
            checkKeys(mapper, type, node, source, "");
            merge(merged, node, source, "", sourceOfKey);
            applied.add(source);
        }
        for (String override : overrides == null ? List.<String>of() : overrides) {
            Objects.requireNonNull(override, "override is null");
            String source = "--set " + override;
            int equals = override.indexOf('=');
            if (equals <= 0) {
                throw new ConfigException(source + ": expected key=value, e.g. epochs=50");
            }
            String key = override.substring(0, equals).trim();
            Object value;
            try {
                value = OverrideValues.parse(override.substring(equals + 1));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(source + ": " + e.getMessage(), e);
            }
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            setPath(node, key, mapper.valueToTree(value));
            checkKeys(mapper, type, node, source, "");
            merge(merged, node, source, "", sourceOfKey);
            applied.add(source);
        }
        return bind(mapper, type, merged, sourceOfKey, applied);
    }

    /** Every settable key of {@code type}, dotted for nested records, sorted; for help texts and tests. */
    public static List<String> knownKeys(Class<?> type) {
        List<String> keys = new ArrayList<>();
        collectKeys(ConfigMappers.JSON, ConfigMappers.JSON.constructType(type), "", keys);
        return keys.stream().sorted().collect(Collectors.toUnmodifiableList());
    }

    @SuppressWarnings("unchecked")
    private static <T> T defaultsOf(Class<T> type) {
        Method method;
        try {
            method = type.getMethod("defaults");
        } catch (NoSuchMethodException e) {
            return null;
        }
        if (!Modifier.isStatic(method.getModifiers()) || !type.isAssignableFrom(method.getReturnType())) {
            return null;
        }
        method.trySetAccessible();
        try {
            return (T) method.invoke(null);
        } catch (IllegalAccessException | InvocationTargetException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new ConfigException(type.getSimpleName() + ".defaults() failed: " + cause.getMessage(), cause);
        }
    }

    private static ObjectNode readFile(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString().toLowerCase();
        ObjectMapper reader = name.endsWith(".json") ? ConfigMappers.JSON : ConfigMappers.YAML;
        JsonNode node;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            node = text.isBlank() ? JsonNodeFactory.instance.objectNode() : reader.readTree(text);
            DuplicateKeys.check(reader, text, file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such configuration file", e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ConfigException(file + ": not valid " + (reader == ConfigMappers.JSON ? "JSON" : "YAML")
                    + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new ConfigException(file + ": expected a mapping of keys to values at the top level, got "
                    + node.getNodeType().toString().toLowerCase());
        }
        return (ObjectNode) node;
    }

    /** Rejects keys {@code type} does not have, naming the key, the source and the keys it does have. */
    private static void checkKeys(ObjectMapper mapper, Class<?> type, ObjectNode node, String source, String prefix) {
        checkKeys(mapper, mapper.constructType(type), node, source, prefix);
    }

    private static void checkKeys(ObjectMapper mapper, JavaType type, ObjectNode node, String source, String prefix) {
        Map<String, JavaType> properties = properties(mapper, type);
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            JavaType propertyType = properties.get(field.getKey());
            if (propertyType == null) {
                String where = prefix.isEmpty() ? "" : " under '" + prefix.substring(0, prefix.length() - 1) + "'";
                throw new ConfigException(source + ": unknown key '" + key + "'; known keys" + where + ": "
                        + properties.keySet());
            }
            if (field.getValue().isObject() && isNested(propertyType)) {
                checkKeys(mapper, propertyType, (ObjectNode) field.getValue(), source, key + ".");
            }
        }
    }

    /** Configuration properties by their JSON name, in declaration order. */
    private static Map<String, JavaType> properties(ObjectMapper mapper, JavaType type) {
        BeanDescription description = mapper.getDeserializationConfig().introspect(type);
        Map<String, JavaType> properties = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.couldDeserialize()) {
                properties.put(property.getName(), property.getPrimaryType());
            }
        }
        return properties;
    }

    private static boolean isNested(JavaType type) {
        return type.getRawClass().isRecord();
    }

    private static void collectKeys(ObjectMapper mapper, JavaType type, String prefix, List<String> keys) {
        properties(mapper, type).forEach((name, propertyType) -> {
            if (isNested(propertyType)) {
                collectKeys(mapper, propertyType, prefix + name + ".", keys);
            } else {
                keys.add(prefix + name);
            }
        });
    }

    private static void merge(ObjectNode target, JsonNode layer, String source, String prefix,
                              Map<String, String> sourceOfKey) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = layer.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            JsonNode existing = target.get(field.getKey());
            if (field.getValue().isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, field.getValue(), source, key + ".", sourceOfKey);
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
                sourceOfKey.keySet().removeIf(k -> k.startsWith(key + "."));
                sourceOfKey.put(key, source);
            }
        }
    }

    private static void setPath(ObjectNode root, String dottedKey, JsonNode value) {
        String[] parts = dottedKey.split("\\.", -1);
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child != null && child.isObject() ? (ObjectNode) child : node.putObject(parts[i]);
        }
        String last = parts[parts.length - 1];
        JsonNode existing = node.get(last);
        if (existing != null && existing.isObject() && value.isObject()) {
            merge((ObjectNode) existing, value, "", "", new HashMap<>());
        } else {
            node.set(last, value);
        }
    }

    private static <T> T bind(ObjectMapper mapper, Class<T> type, ObjectNode merged, Map<String, String> sourceOfKey,
                              List<String> applied) {
        try {
            return mapper.treeToValue(merged, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            throw new ConfigException(sourceOfMessage(message, sourceOfKey, applied) + ": " + message, cause);
        } catch (JsonMappingException e) {
            String key = e.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : String.valueOf(reference.getIndex()))
                    .collect(Collectors.joining("."));
            String source = sourceOf(key, sourceOfKey);
            if (source == null) {
                source = applied.isEmpty() ? DEFAULTS : String.join(", ", applied);
            }
            throw new ConfigException(source + ": invalid value for '" + key + "': " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("cannot bind " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The source that set {@code key} or the closest enclosing key that was set as a whole. */
    private static String sourceOf(String key, Map<String, String> sourceOfKey) {
        for (String candidate = key; !candidate.isEmpty(); ) {
            String source = sourceOfKey.get(candidate);
            if (source != null) {
                return source;
            }
            int dot = candidate.lastIndexOf('.');
            candidate = dot < 0 ? "" : candidate.substring(0, dot);
        }
        // A nested key below the given path (e.g. the missing part of an object): report whoever set its children.
        return sourceOfKey.entrySet().stream().filter(e -> e.getKey().startsWith(key + "."))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /**
     * Validation messages start with the key they are about ("epochs must be >= 1"); attribute them to the layer
     * that set that key, or else to all layers that were applied.
     */
    private static String sourceOfMessage(String message, Map<String, String> sourceOfKey, List<String> applied) {
        Map<String, String> byLeaf = new TreeMap<>();
        sourceOfKey.forEach((key, source) -> byLeaf.put(key.substring(key.lastIndexOf('.') + 1), source));
        String firstWord = message.split("[^A-Za-z0-9_.]", 2)[0];
        String source = sourceOfKey.getOrDefault(firstWord, byLeaf.get(firstWord));
        if (source != null) {
            return source;
        }
        return applied.isEmpty() ? DEFAULTS : String.join(", ", applied);
    }
}
