package org.istanas.app.wiring;

import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.multibindings.MapBinderBinding;
import com.google.inject.multibindings.MultibinderBinding;
import com.google.inject.multibindings.MultibindingsTargetVisitor;
import com.google.inject.multibindings.OptionalBinderBinding;
import com.google.inject.spi.DefaultBindingTargetVisitor;
import com.google.inject.spi.ElementSource;
import com.google.inject.util.Types;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.istanas.api.Named;
import org.istanas.app.plugin.Contribution;
import org.istanas.app.plugin.PluginKind;
import org.istanas.app.plugin.PluginRegistry;

/**
 * Every name the application knows, by kind, with where it came from: what the plugins list ({@link PluginRegistry})
 * and what plugin modules bound in the injector's maps, whose source is the plugin and jar that
 * {@link PluginModule} installed the module for. For {@code istanas plugins}.
 */
public final class PluginListing {
    private final PluginRegistry registry;
    private final Injector injector;

    @Inject
    PluginListing(PluginRegistry registry, Injector injector) {
        this.registry = Objects.requireNonNull(registry, "registry is null");
        this.injector = Objects.requireNonNull(injector, "injector is null");
    }

    /** As {@link PluginRegistry#contributions}: sorted by name, except operations, which keep binding order. */
    public List<Contribution> contributions(PluginKind kind) {
        List<Contribution> all = new ArrayList<>(registry.contributions(kind));
        Set<String> listed = all.stream().map(Contribution::name).collect(Collectors.toSet());
        @SuppressWarnings("unchecked")
        Key<Map<String, Named>> key = (Key<Map<String, Named>>) Key.get(Types.mapOf(String.class, kind.type()));
        Map<String, String> sources = moduleSources(injector.getBinding(key));
        injector.getInstance(key).forEach((name, item) -> {
            if (!listed.contains(name)) {
                all.add(new Contribution(kind, item, sources.getOrDefault(name, "a plugin's Guice module")));
            }
        });
        if (kind != PluginKind.OPERATION) {
            all.sort(Comparator.comparing(Contribution::name));
        }
        return List.copyOf(all);
    }

    /** The binding source of each map entry: {@code PLUGIN-CLASS from JAR} for entries a plugin module bound. */
    private static Map<String, String> moduleSources(Binding<?> mapBinding) {
        Map<String, String> sources = new HashMap<>();
        mapBinding.acceptTargetVisitor(new EntrySources(sources));
        return sources;
    }

    private static final class EntrySources extends DefaultBindingTargetVisitor<Object, Void>
            implements MultibindingsTargetVisitor<Object, Void> {
        private final Map<String, String> sources;

        EntrySources(Map<String, String> sources) {
            this.sources = sources;
        }

        @Override
        public Void visit(MapBinderBinding<?> mapBinding) {
            for (Map.Entry<?, Binding<?>> entry : mapBinding.getEntries()) {
                Object declared = entry.getValue().getSource();
                if (declared instanceof ElementSource element) {
                    declared = element.getDeclaringSource();
                }
                if (declared instanceof String source) {
                    sources.put(String.valueOf(entry.getKey()), "Guice module of " + source);
                }
            }
            return null;
        }

        @Override
        public Void visit(MultibinderBinding<?> multibinding) {
            return null;
        }

        @Override
        public Void visit(OptionalBinderBinding<?> optionalBinding) {
            return null;
        }
    }
}
