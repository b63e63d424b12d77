package org.istanas.app.plugin;

import java.util.Objects;
import org.istanas.api.Named;

/**
 * One registered strategy, operation, solver or dataset and where it came from.
 *
 * @param kind   what it is
 * @param item   the contributed object
 * @param source the jar it came from: {@code classpath (nas-solvers-0.1.0.jar)} for built-in plugins, the jar's path
 *               (e.g. {@code plugins/my-solver/my-solver-1.0.jar}) for plugins loaded from a plugin directory
 */
public record Contribution(PluginKind kind, Named item, String source) {
    public Contribution {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(item, "item is null");
        Objects.requireNonNull(source, "source is null");
    }

    public String name() {
        return item.name();
    }

    public String description() {
        return item.description();
    }
}
