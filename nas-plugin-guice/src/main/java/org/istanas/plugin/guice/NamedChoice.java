package org.istanas.plugin.guice;

import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.util.Types;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.UsageException;
import org.istanas.api.config.ConfigException;

/**
 * Picks an implementation by its name from a map of named implementations (a Guice {@code MapBinder} map), as
 * Druid's {@code PolyBind} does, with the application's one error text for a name nobody registered.
 */
public final class NamedChoice {
    private NamedChoice() {
    }

    /**
     * Binds {@code type} to the option of {@code MapBinder<String, type>} that the setting {@code settingKey} names, or
     * to {@code defaultName} when the setting is absent: Druid's {@code PolyBind.createChoice}. The module adds the
     * options with {@code MapBinder.newMapBinder(binder, String.class, type).addBinding(name)}. The choice is an
     * eager singleton, so an unknown name fails when the injector is created:
     * {@code istanas.toy.backend (system properties): unknown backend 'gpu'; known: [cpu, simd]}.
     *
     * @param noun what the options are, for the message ({@code backend})
     */
    public static <T> void bindChoice(Binder binder, String settingKey, Class<T> type, String noun,
                                      String defaultName) {
        Objects.requireNonNull(binder, "binder is null");
        Objects.requireNonNull(settingKey, "settingKey is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(noun, "noun is null");
        Objects.requireNonNull(defaultName, "defaultName is null");
        MapBinder.newMapBinder(binder, String.class, type); // declares the map, even before any option is added
        Provider<IstanasSettings> settings = binder.getProvider(IstanasSettings.class);
        @SuppressWarnings("unchecked")
        Key<Map<String, T>> optionsKey = (Key<Map<String, T>>) Key.get(Types.mapOf(String.class, type));
        Provider<Map<String, T>> options = binder.getProvider(optionsKey);
        Provider<T> chosen = () -> {
            String name = settings.get().get(settingKey);
            try {
                return choose(options.get(), noun, name == null ? defaultName : name);
            } catch (UsageException e) {
                throw new ConfigException(name == null ? "default of " + settingKey + ": " + e.getMessage()
                        : settingKey + " (" + settings.get().sourceOf(settingKey) + "): " + e.getMessage(), e);
            }
        };
        binder.bind(type).toProvider(chosen).asEagerSingleton();
    }

    /**
     * The implementation registered under {@code name}.
     *
     * @param noun what the map holds, for the message ({@code solver})
     * @throws UsageException {@code unknown solver 'mosek'; known: [fista, ista, lp]} (known names sorted)
     */
    public static <T> T choose(Map<String, T> options, String noun, String name) {
        Objects.requireNonNull(options, "options is null");
        Objects.requireNonNull(noun, "noun is null");
        T chosen = name == null ? null : options.get(name);
        if (chosen == null) {
            throw new UsageException("unknown " + noun + " '" + name + "'; known: "
                    + options.keySet().stream().sorted().toList());
        }
        return chosen;
    }
}
