package org.istanas.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 item 11: a key given twice in a config file is an error naming both lines, not "last wins". */
final class DuplicateKeysTest {
    record Optimizer(@JsonProperty("lr") double lr, @JsonProperty("momentum") double momentum) {
    }

    record Config(@JsonProperty("epochs") int epochs, @JsonProperty("optimizer") Optimizer optimizer) {
        public static Config defaults() {
            return new Config(5, new Optimizer(0.1, 0.9));
        }
    }

    @TempDir
    Path dir;

    @Test
    void duplicateTopLevelYamlKeyNamesBothLines() throws IOException {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "epochs: 3\noptimizer:\n  lr: 0.2\nepochs: 9\n");
        assertThatThrownBy(() -> ConfigLoader.load(Config.class, Map.of(), file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": key 'epochs' is given twice (lines 1 and 4); keep one");
    }

    @Test
    void duplicateNestedKeyIsNamedWithItsPath() throws IOException {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "optimizer:\n  lr: 0.2\n  momentum: 0.5\n  lr: 0.3\n");
        assertThatThrownBy(() -> ConfigLoader.load(Config.class, Map.of(), file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": key 'optimizer.lr' is given twice (lines 2 and 4); keep one");
    }

    @Test
    void duplicateJsonKeyToo() throws IOException {
        Path file = dir.resolve("c.json");
        Files.writeString(file, "{\"epochs\": 3,\n \"epochs\": 4}\n");
        assertThatThrownBy(() -> ConfigLoader.load(Config.class, Map.of(), file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": key 'epochs' is given twice (lines 1 and 2); keep one");
    }

    @Test
    void sameKeyInDifferentMappingsIsFine() throws IOException {
        Path file = dir.resolve("c.yaml");
        // 'epochs' at the top and 'lr' under optimizer live in different mappings
        Files.writeString(file, "epochs: 7\noptimizer:\n  lr: 0.2\n  momentum: 0.5\n");
        assertThat(ConfigLoader.load(Config.class, Map.of(), file, List.of()))
                .isEqualTo(new Config(7, new Optimizer(0.2, 0.5)));
    }
}
