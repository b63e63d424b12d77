package org.istanas.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigLoaderTest {
    record Optimizer(@JsonProperty("lr") double lr, @JsonProperty("momentum") double momentum) {
        Optimizer {
            if (!(lr > 0)) {
                throw new IllegalArgumentException("lr must be > 0, got " + lr);
            }
        }
    }

    record Search(@JsonProperty("epochs") int epochs, @JsonProperty("solver") String solver,
                  @JsonProperty("lambda") double lambda, @JsonProperty("dataDir") Path dataDir,
                  @JsonProperty("layers") List<Integer> layers, @JsonProperty("cutout") boolean cutout,
                  @JsonProperty("optimizer") Optimizer optimizer, @JsonProperty("options") Map<String, String> options) {
        Search {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
            }
            layers = List.copyOf(layers);
            options = Map.copyOf(options);
        }

        public static Search defaults() {
            return new Search(50, "fista", 1e-5, null, List.of(8, 16), false, new Optimizer(0.025, 0.9), Map.of());
        }
    }

    /** A record without defaults: every key must be given. */
    record Bare(@JsonProperty("name") String name, @JsonProperty("size") int size) {
    }

    @Test
    void defaultsAndKeyNamesArePinned() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("epochs", 50);
        expected.put("solver", "fista");
        expected.put("lambda", 1e-5);
        expected.put("dataDir", null);
        expected.put("layers", List.of(8, 16));
        expected.put("cutout", false);
        expected.put("optimizer", Map.of("lr", 0.025, "momentum", 0.9));
        expected.put("options", Map.of());
        assertThat(ConfigWriter.toMap(Search.defaults())).isEqualTo(expected);
        assertThat(ConfigLoader.load(Search.class, Map.of(), null, List.of())).isEqualTo(Search.defaults());
        assertThat(ConfigLoader.knownKeys(Search.class)).containsExactly("cutout", "dataDir", "epochs", "lambda",
                "layers", "optimizer.lr", "optimizer.momentum", "options", "solver");
    }

    @Test
    void laterLayersWinKeyByKeyAndObjectsMergeDeeply(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("search.yaml");
        Files.writeString(file, """
                epochs: 20
                optimizer:
                  lr: 0.1
                dataDir: data/cifar10
                """);
        Search search = ConfigLoader.load(Search.class, Map.of("epochs", 10, "solver", "ista", "optimizer.momentum", 0.5),
                file, List.of("epochs=30"));
        assertThat(search.epochs()).isEqualTo(30);
        assertThat(search.solver()).isEqualTo("ista");
        assertThat(search.optimizer()).isEqualTo(new Optimizer(0.1, 0.5));
        assertThat(search.dataDir()).isEqualTo(Path.of("data/cifar10"));
        assertThat(search.lambda()).isEqualTo(1e-5);
    }

    @Test
    void presetMayMixNestedMapsAndDottedKeys() {
        Map<String, Object> preset = new LinkedHashMap<>();
        preset.put("optimizer.momentum", 0.5);
        preset.put("optimizer", Map.of("lr", 0.1));
        assertThat(ConfigLoader.load(Search.class, preset, null, List.of()).optimizer()).isEqualTo(new Optimizer(0.1, 0.5));
    }

    @Test
    void overridesParseNumbersBooleansListsAndStrings() {
        Search search = ConfigLoader.load(Search.class, null, null, List.of("lambda=1e-3", "cutout=true",
                "layers=[1, 2,3]", "solver=\"42\"", "options.image-size=64", "optimizer.lr=.5"));
        assertThat(search.lambda()).isEqualTo(1e-3);
        assertThat(search.cutout()).isTrue();
        assertThat(search.layers()).containsExactly(1, 2, 3);
        assertThat(search.solver()).isEqualTo("42");
        assertThat(search.options()).containsExactly(Map.entry("image-size", "64"));
        assertThat(search.optimizer().lr()).isEqualTo(0.5);
    }

    @Test
    void overrideValueParsing() {
        assertThat(OverrideValues.parse(" 7 ")).isEqualTo(7);
        assertThat(OverrideValues.parse("-12345678901")).isEqualTo(-12345678901L);
        assertThat(OverrideValues.parse("2.5e-1")).isEqualTo(0.25);
        assertThat(OverrideValues.parse("FALSE")).isEqualTo(false);
        assertThat(OverrideValues.parse("null")).isNull();
        assertThat(OverrideValues.parse("[]")).isEqualTo(List.of());
        assertThat(OverrideValues.parse("[a, 1, true]")).isEqualTo(List.of("a", 1, true));
        assertThat(OverrideValues.parse("'true'")).isEqualTo("true");
        assertThat(OverrideValues.parse("sep_conv_3x3")).isEqualTo("sep_conv_3x3");
        assertThat(OverrideValues.parse("1.2.3")).isEqualTo("1.2.3");
    }

    @Test
    void overrideValuesAreYamlSoQuotingWorks() {
        assertThat(OverrideValues.parse("'a,b'")).isEqualTo("a,b");
        assertThat(OverrideValues.parse("\"say \\\"hi\\\"\"")).isEqualTo("say \"hi\"");
        assertThat(OverrideValues.parse("'it''s'")).isEqualTo("it's");
        assertThat(OverrideValues.parse("'7'")).isEqualTo("7");
        assertThat(OverrideValues.parse("[1, 2]")).isEqualTo(List.of(1, 2));
        assertThat(OverrideValues.parse("[\"a,b\", c, '[d]']")).isEqualTo(List.of("a,b", "c", "[d]"));
        assertThat(OverrideValues.parse("[[1, 2], [3]]")).isEqualTo(List.of(List.of(1, 2), List.of(3)));
        assertThat(OverrideValues.parse("data/x y")).isEqualTo("data/x y");
        assertThat(OverrideValues.parse("C:/data")).isEqualTo("C:/data");
        // what YAML reads as a mapping stays the text as typed, as before
        assertThat(OverrideValues.parse("a: b")).isEqualTo("a: b");
        assertThat(OverrideValues.parse("{x}")).isEqualTo("{x}");
        assertThat(OverrideValues.parse("")).isEqualTo("");
    }

    @Test
    void setValuesMeanWhatTheSameTextMeansInAConfigFile(@TempDir Path dir) throws IOException {
        for (String[] keyAndValue : new String[][] {{"solver", "'a,b'"}, {"solver", "\"x y\""}, {"layers", "[1, 2, 3]"},
                {"layers", "[]"}, {"lambda", "1e-3"}, {"lambda", ".5"}, {"cutout", "true"}, {"dataDir", "data/x y"},
                {"solver", "'1e-5'"}, {"epochs", "+7"}}) {
            Path file = dir.resolve("c.yaml");
            Files.writeString(file, keyAndValue[0] + ": " + keyAndValue[1] + "\n");
            assertThat(ConfigLoader.load(Search.class, Map.of(), null, List.of(keyAndValue[0] + "=" + keyAndValue[1])))
                    .as(String.join("=", keyAndValue))
                    .isEqualTo(ConfigLoader.load(Search.class, Map.of(), file, List.of()));
        }
        Search quoted = ConfigLoader.load(Search.class, Map.of(), null, List.of("solver='a,b'", "layers=[1, 2]"));
        assertThat(quoted.solver()).isEqualTo("a,b");
        assertThat(quoted.layers()).containsExactly(1, 2);
    }

    @Test
    void aValueThatIsNotYamlIsAnErrorSayingHowToQuote() {
        assertThatThrownBy(() -> ConfigLoader.load(Search.class, Map.of(), null, List.of("layers=[1, 2")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--set layers=[1, 2: not a YAML value at column 6 (expected ',' or ']', but got <stream end>);"
                        + " quote a text as in YAML, e.g. name='a, b' or name=\"it's\"");
        assertThatThrownBy(() -> ConfigLoader.load(Search.class, Map.of(), null, List.of("solver='a,b")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--set solver='a,b: not a YAML value at column 1 (found unexpected end of stream)");
        assertThatThrownBy(() -> ConfigLoader.load(Search.class, Map.of(), null, List.of("layers=[1] 2")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--set layers=[1] 2: not a YAML value at column 5");
        // a well-formed value of the wrong type keeps the binder's message
        assertThatThrownBy(() -> ConfigLoader.load(Search.class, Map.of(), null, List.of("layers=[1, x]")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--set layers=[1, x]: invalid value for 'layers.1': ");
    }

    @Test
    void unknownKeysNameTheSourceAndTheKnownKeys(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "optimizer:\n  lrr: 0.1\n");
        assertThatThrownBy(() -> ConfigLoader.load(Search.class, Map.of(), file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": unknown key 'optimizer.lrr'; known keys under 'optimizer': [lr, momentum]");
        assertThatThrownBy(() -> ConfigLoader.load(Search.class, Map.of(), null, List.of("epoch=3")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--set epoch=3: unknown key 'epoch'; known keys: "
                        + "[epochs, solver, lambda, dataDir, layers, cutout, optimizer, options]");
        assertThatThrownBy(() -> ConfigLoader.load(Search.class, Map.of("seed", 1), null, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("preset: unknown key 'seed'");
    }

    @Test
    void typeErrorsNameTheKeyAndTheLayerThatSetIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("types.json");
        Files.writeString(file, "{\"epochs\": \"ten\"}");
        assertThatThrownBy(() -> ConfigLoader.load(Search.class, Map.of(), file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": invalid value for 'epochs': ")
                .hasMessageContaining("ten");
        assertThatThrownBy(() -> ConfigLoader.load(Search.class, Map.of(), null, List.of("epochs=2.5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--set epochs=2.5: invalid value for 'epochs': ");
    }

    @Test
    void validationErrorsAreWrappedWithTheirSource() {
        assertThatThrownBy(() -> ConfigLoader.load(Search.class, Map.of(), null, List.of("optimizer.lr=-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--set optimizer.lr=-1: lr must be > 0, got -1.0")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfigLoader.load(Search.class, Map.of("epochs", 0), null, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("preset: epochs must be >= 1, got 0");
    }

    @Test
    void missingKeysOfRecordsWithoutDefaultsAreErrors() {
        assertThat(ConfigLoader.load(Bare.class, Map.of("name", "x", "size", 3), null, List.of()))
                .isEqualTo(new Bare("x", 3));
        assertThatThrownBy(() -> ConfigLoader.load(Bare.class, Map.of("name", "x"), null, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'size'");
    }

    @Test
    void badFilesAreNamed(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(Search.class, Map.of(), missing, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": no such configuration file");
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "epochs: 3\n  solver: [\n");
        assertThatThrownBy(() -> ConfigLoader.load(Search.class, Map.of(), broken, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(broken + ": not valid YAML (line ");
        Path list = dir.resolve("list.yaml");
        Files.writeString(list, "- 1\n- 2\n");
        assertThatThrownBy(() -> ConfigLoader.load(Search.class, Map.of(), list, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(list + ": expected a mapping of keys to values at the top level, got array");
        assertThatThrownBy(() -> ConfigLoader.load(Search.class, Map.of(), null, List.of("epochs")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--set epochs: expected key=value, e.g. epochs=50");
    }

    @Test
    void writtenYamlLoadsBackToTheSameConfig(@TempDir Path dir) throws IOException {
        Search original = ConfigLoader.load(Search.class, Map.of(), null,
                List.of("solver='1e-5'", "dataDir=data/x y", "options.on=true", "options.list='[a, b]'",
                        "options.pair='a,b'", "lambda=0.001"));
        String yaml = ConfigWriter.toYaml(original);
        assertThat(yaml).startsWith("epochs: 50\n").contains("dataDir: data/x y\n").contains("  lr: 0.025\n");
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, yaml);
        assertThat(ConfigLoader.load(Search.class, Map.of(), file, List.of())).isEqualTo(original);
    }
}
