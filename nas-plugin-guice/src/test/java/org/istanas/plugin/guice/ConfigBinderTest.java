package org.istanas.plugin.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.istanas.api.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigBinderTest {
    public record Schedule(int rounds, List<String> order) {
    }

    public record ToyConfig(double factor, boolean verbose, String label, Schedule schedule) {
        public static ToyConfig defaults() {
            return new ToyConfig(1.0, false, "toy", new Schedule(3, List.of("a", "b")));
        }

        public ToyConfig {
            if (factor <= 0) {
                throw new IllegalArgumentException("factor must be > 0, not " + factor);
            }
        }
    }

    @TempDir
    Path dir;

    @Test
    void keysBelowThePrefixReplaceTheDefaultsOneByOne() {
        IstanasSettings settings = IstanasSettings.of(Map.of("istanas.toy.factor", "0.25",
                "istanas.toy.schedule.order", "[c, d, e]", "istanas.other.factor", "9"), "test");
        assertThat(ConfigBinder.read(settings, "toy", ToyConfig.class))
                .isEqualTo(new ToyConfig(0.25, false, "toy", new Schedule(3, List.of("c", "d", "e"))));
        assertThat(ConfigBinder.read(IstanasSettings.empty(), "toy", ToyConfig.class)).isEqualTo(ToyConfig.defaults());
        // numbers as YAML reads them; text as it is written, not as a number or a boolean
        IstanasSettings text = IstanasSettings.of(Map.of("istanas.toy.factor", "1e-5", "istanas.toy.label", "007",
                "istanas.toy.verbose", "true"), "test");
        assertThat(ConfigBinder.read(text, "toy", ToyConfig.class))
                .isEqualTo(new ToyConfig(1e-5, true, "007", ToyConfig.defaults().schedule()));
        assertThat(ConfigBinder.read(IstanasSettings.of(Map.of("istanas.toy.label", "true"), "test"), "toy",
                ToyConfig.class).label()).isEqualTo("true");
    }

    @Test
    void aYamlFileAndAPropertiesFileGiveTheSameRecord() throws IOException {
        Path yaml = Files.writeString(dir.resolve("settings.yaml"),
                "istanas:\n  toy:\n    verbose: true\n    label: big\n    schedule:\n      rounds: 7\n      order: [x]\n");
        Path properties = Files.writeString(dir.resolve("settings.properties"),
                "istanas.toy.verbose=true\nistanas.toy.label=big\nistanas.toy.schedule.rounds=7\n"
                        + "istanas.toy.schedule.order=[x]\n");
        ToyConfig expected = new ToyConfig(1.0, true, "big", new Schedule(7, List.of("x")));
        assertThat(ConfigBinder.read(IstanasSettings.load(yaml), "toy", ToyConfig.class)).isEqualTo(expected);
        assertThat(ConfigBinder.read(IstanasSettings.load(properties), "toy", ToyConfig.class)).isEqualTo(expected);
    }

    @Test
    void laterSettingsWinKeyByKey() {
        IstanasSettings file = IstanasSettings.of(Map.of("istanas.toy.factor", "2", "istanas.toy.label", "f"), "file");
        IstanasSettings props = IstanasSettings.of(Map.of("istanas.toy.factor", "3"), "system properties");
        IstanasSettings merged = file.overriddenBy(props);
        assertThat(merged.get("istanas.toy.factor")).isEqualTo("3");
        assertThat(merged.sourceOf("istanas.toy.factor")).isEqualTo("system properties");
        assertThat(merged.sourceOf("istanas.toy.label")).isEqualTo("file");
        assertThat(merged.under("toy")).containsExactly(Map.entry("factor", "3"), Map.entry("label", "f"));
    }

    @Test
    void errorsNameTheKeyAndWhereItWasSet() {
        assertThatThrownBy(() -> ConfigBinder.read(IstanasSettings.of(Map.of("istanas.toy.factr", "2"), "my.yaml"),
                "toy", ToyConfig.class))
                .isInstanceOf(ConfigException.class)
                .hasMessage("istanas.toy.factr (my.yaml): unknown key; the keys of istanas.toy.* are "
                        + "[istanas.toy.factor, istanas.toy.verbose, istanas.toy.label, istanas.toy.schedule.rounds, "
                        + "istanas.toy.schedule.order]");
        assertThatThrownBy(() -> ConfigBinder.read(IstanasSettings.of(Map.of("istanas.toy.schedule.rounds", "many"),
                "my.yaml"), "toy", ToyConfig.class))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("istanas.toy.schedule.rounds = 'many' (my.yaml): ");
        assertThatThrownBy(() -> ConfigBinder.read(IstanasSettings.of(Map.of("istanas.toy.factor", "-1"), "my.yaml"),
                "toy", ToyConfig.class))
                .isInstanceOf(ConfigException.class)
                .hasMessage("istanas.toy.* (my.yaml): factor must be > 0, not -1.0");
    }

    @Test
    void settingsOutsideTheRootAreRejected() throws IOException {
        assertThatThrownBy(() -> IstanasSettings.of(Map.of("toy.factor", "1"), "here"))
                .isInstanceOf(ConfigException.class).hasMessage("here: setting 'toy.factor' is not an istanas.* key");
        Path yaml = Files.writeString(dir.resolve("bad.yaml"), "toy:\n  factor: 1\n");
        assertThatThrownBy(() -> IstanasSettings.load(yaml)).isInstanceOf(ConfigException.class)
                .hasMessage(yaml + ": setting 'toy.factor' is not an istanas.* key");
        assertThatThrownBy(() -> IstanasSettings.load(dir.resolve("missing.yaml"))).isInstanceOf(ConfigException.class)
                .hasMessage(dir.resolve("missing.yaml") + ": no such settings file");
    }

    @Test
    void theBindingIsInjectedAndABadValueFailsWhenTheInjectorIsCreated() {
        Injector injector = Guice.createInjector(Stage.DEVELOPMENT, binder -> {
            binder.bind(IstanasSettings.class).toInstance(IstanasSettings.of(Map.of("istanas.toy.label", "x"), "t"));
            ConfigBinder.bindConfig(binder, "toy", ToyConfig.class);
        });
        assertThat(injector.getInstance(ToyConfig.class).label()).isEqualTo("x");
        assertThat(injector.getInstance(ToyConfig.class)).isSameAs(injector.getInstance(ToyConfig.class));

        assertThatThrownBy(() -> Guice.createInjector(Stage.DEVELOPMENT, binder -> {
            binder.bind(IstanasSettings.class).toInstance(IstanasSettings.of(Map.of("istanas.toy.factor", "0"), "t"));
            ConfigBinder.bindConfig(binder, "toy", ToyConfig.class);
        })).isInstanceOf(CreationException.class).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("istanas.toy.* (t): factor must be > 0, not 0.0");
    }
}
