package org.istanas.plugin.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.multibindings.MapBinder;
import java.util.Map;
import org.istanas.api.config.ConfigException;
import org.junit.jupiter.api.Test;

final class NamedChoiceTest {
    interface Backend {
        String name();
    }

    record Fixed(String name) implements Backend {
    }

    private static Module toyModule(IstanasSettings settings) {
        return binder -> {
            binder.bind(IstanasSettings.class).toInstance(settings);
            NamedChoice.bindChoice(binder, "istanas.toy.backend", Backend.class, "backend", "cpu");
            MapBinder<String, Backend> options = MapBinder.newMapBinder(binder, String.class, Backend.class);
            options.addBinding("cpu").toInstance(new Fixed("cpu"));
            options.addBinding("simd").toInstance(new Fixed("simd"));
        };
    }

    @Test
    void theSettingNamesTheImplementationAndTheDefaultAppliesWithoutIt() {
        Injector chosen = Guice.createInjector(Stage.DEVELOPMENT,
                toyModule(IstanasSettings.of(Map.of("istanas.toy.backend", "simd"), "test")));
        assertThat(chosen.getInstance(Backend.class).name()).isEqualTo("simd");
        Injector byDefault = Guice.createInjector(Stage.DEVELOPMENT, toyModule(IstanasSettings.empty()));
        assertThat(byDefault.getInstance(Backend.class).name()).isEqualTo("cpu");
    }

    @Test
    void anUnknownNameFailsWhenTheInjectorIsCreatedNamingTheSettingAndTheOptions() {
        assertThatThrownBy(() -> Guice.createInjector(Stage.DEVELOPMENT,
                toyModule(IstanasSettings.of(Map.of("istanas.toy.backend", "gpu"), "my.yaml"))))
                .hasCauseInstanceOf(ConfigException.class)
                .hasMessageContaining("istanas.toy.backend (my.yaml): unknown backend 'gpu'; known: [cpu, simd]");
    }

    @Test
    void chooseNamesTheKnownOptions() {
        Map<String, Integer> options = Map.of("ista", 1, "fista", 2, "lp", 3);
        assertThat(NamedChoice.choose(options, "solver", "fista")).isEqualTo(2);
        assertThatThrownBy(() -> NamedChoice.choose(options, "solver", "mosek"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown solver 'mosek'; known: [fista, ista, lp]");
    }
}
