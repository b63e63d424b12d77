package org.istanas.plugin.guice;

import java.util.Map;
import java.util.Objects;
import org.istanas.api.UsageException;

/**
 * Picks an implementation by its name from a map of named implementations (a Guice {@code MapBinder} map), as
 * Druid's {@code PolyBind} does, with the application's one error text for a name nobody registered.
 */
public final class NamedChoice {
    private NamedChoice() {
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
