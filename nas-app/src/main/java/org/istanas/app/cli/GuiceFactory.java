package org.istanas.app.cli;

import com.google.inject.Injector;
import java.util.Objects;
import picocli.CommandLine;

/**
 * Lets picocli create command objects through Guice, so commands get their dependencies injected
 * ({@code @jakarta.inject.Inject}). JDK and picocli classes (collections, built-in converters) are left to
 * picocli's own factory.
 */
public final class GuiceFactory implements CommandLine.IFactory {
    private final Injector injector;

    public GuiceFactory(Injector injector) {
        this.injector = Objects.requireNonNull(injector, "injector is null");
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        String name = type.getName();
        if (name.startsWith("java.") || name.startsWith("picocli.")) {
            return CommandLine.defaultFactory().create(type);
        }
        return injector.getInstance(type);
    }
}
