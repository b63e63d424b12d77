package org.istanas.plugin.guice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.inject.Binder;
import com.google.inject.Provider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.istanas.api.config.ConfigException;

/**
 * Binds a typed configuration record from the {@code istanas.PREFIX.*} keys of the application's
 * {@link IstanasSettings}, as Druid's {@code JsonConfigProvider} binds a bean from a property prefix:
 * <pre>{@code
 * record ToyConfig(double factor, int rounds) {
 *     public static ToyConfig defaults() { return new ToyConfig(1.0, 3); }   // optional
 *     ToyConfig { if (factor <= 0) throw new IllegalArgumentException("factor must be > 0, not " + factor); }
 * }
 * ConfigBinder.bindConfig(binder, "toy", ToyConfig.class);   // istanas.toy.factor=0.5 -> new ToyConfig(0.5, 3)
 * }</pre>
 * Keys below the prefix are the record's components (dotted for nested records); values are read as YAML scalars
 * or flow sequences ({@code 0.5}, {@code true}, {@code [a, b]}), except for text components, which take the text as
 * it is. Keys the settings leave out keep the value of the
 * record's {@code public static defaults()}, when it has one. The binding is an eager singleton, so an unknown key, a
 * value of the wrong type or a value the record's constructor rejects fails when the injector is created, with a
 * message naming the key and where it was set.
 */
public final class ConfigBinder {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigBinder() {
    }

    /** Binds {@code type} to the record read from {@code istanas.PREFIX.*} ({@link #read}). */
    public static <T extends Record> void bindConfig(Binder binder, String prefix, Class<T> type) {
        Objects.requireNonNull(binder, "binder is null");
        Objects.requireNonNull(type, "type is null");
        IstanasSettings.key(prefix); // checks the prefix now rather than at injection
        Provider<IstanasSettings> settings = binder.getProvider(IstanasSettings.class);
        Provider<T> config = () -> read(settings.get(), prefix, type);
        binder.bind(type).toProvider(config).asEagerSingleton();
    }

    /**
     * The record {@code type} read from the keys {@code istanas.PREFIX.*} of {@code settings} over its defaults.
     *
     * @throws ConfigException naming the key, its value and its source, or the prefix for a value the record rejects
     */
    public static <T extends Record> T read(IstanasSettings settings, String prefix, Class<T> type) {
        Objects.requireNonNull(settings, "settings is null");
        Objects.requireNonNull(type, "type is null");
        String root = IstanasSettings.key(prefix);
        T defaults = defaultsOf(type);
        ObjectNode tree = defaults == null ? JsonNodeFactory.instance.objectNode() : JSON.valueToTree(defaults);
        for (Map.Entry<String, String> setting : settings.under(prefix).entrySet()) {
            String key = root + "." + setting.getKey();
            List<String> known = knownKeys(type, "");
            if (!known.contains(setting.getKey())) {
                throw new ConfigException(key + " (" + settings.sourceOf(key) + "): unknown key; the keys of "
                        + root + ".* are " + known.stream().map(k -> root + "." + k).toList());
            }
            setPath(tree, setting.getKey(), value(setting.getValue(), componentType(type, setting.getKey())));
        }
        try {
            return JSON.treeToValue(tree, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ConfigException(root + ".* (" + sources(settings, prefix) + "): " + cause.getMessage(), cause);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(Objects::nonNull).collect(Collectors.joining("."));
            String key = root + "." + path;
            throw new ConfigException(key + " = '" + settings.get(key) + "' (" + settings.sourceOf(key)
                    + "): " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(root + ".*: " + e.getOriginalMessage(), e);
        }
    }

    /** The keys a record takes below its prefix, dotted for nested records, in declaration order. */
    static List<String> knownKeys(Class<?> type, String path) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record; ConfigBinder binds records");
        }
        List<String> keys = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String key = path + component.getName();
            if (component.getType().isRecord()) {
                keys.addAll(knownKeys(component.getType(), key + "."));
            } else {
                keys.add(key);
            }
        }
        return keys;
    }

    /** The type of the component a known dotted key names. */
    private static Class<?> componentType(Class<?> type, String dottedKey) {
        Class<?> current = type;
        for (String part : dottedKey.split("\\.")) {
            for (RecordComponent component : current.getRecordComponents()) {
                if (component.getName().equals(part)) {
                    current = component.getType();
                    break;
                }
            }
        }
        return current;
    }

    /** Text stays text for a text component ({@code 007} is not the number 7); anything else is read as YAML. */
    private static JsonNode value(String text, Class<?> target) {
        if (target == String.class || target.isEnum()) {
            return TextNode.valueOf(text);
        }
        try {
            JsonNode node = YAML.readTree(text);
            return node == null || node.isMissingNode() || node.isObject() ? TextNode.valueOf(text) : node;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text); // not YAML: the text itself ("a: b: c")
        }
    }

    private static void setPath(ObjectNode tree, String dotted, JsonNode value) {
        String[] parts = dotted.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    private static String sources(IstanasSettings settings, String prefix) {
        String root = IstanasSettings.key(prefix);
        List<String> sources = settings.under(prefix).keySet().stream().map(k -> settings.sourceOf(root + "." + k))
                .distinct().toList();
        return sources.isEmpty() ? "defaults" : String.join(", ", sources);
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
        try {
            return (T) method.invoke(null);
        } catch (IllegalAccessException | InvocationTargetException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new ConfigException(type.getSimpleName() + ".defaults() failed: " + cause.getMessage(), cause);
        }
    }
}
