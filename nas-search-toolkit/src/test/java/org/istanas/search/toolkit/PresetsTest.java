package org.istanas.search.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.istanas.api.UsageException;
import org.junit.jupiter.api.Test;

final class PresetsTest {
    record Recipe(@JsonProperty("lr") double lr, @JsonProperty("floor") double floor, @JsonProperty("layers") int layers) {
    }

    private static Presets presets() {
        Map<String, Map<String, Object>> p = new LinkedHashMap<>();
        p.put("paper", Map.of());
        p.put("official", Map.of("lr", 0.1, "floor", 0.001));
        p.put("smoke", Map.of("layers", 3, "lr", 0.05));
        return new Presets(new Recipe(0.2, 0.0, 8), p, Map.of("smoke", "paper"));
    }

    @Test
    void aPresetBuildsOnItsDeclaredBaseAndItsOwnKeysWin() {
        assertThat(presets().get("smoke", "s")).containsEntry("layers", 3).containsEntry("lr", 0.05)
                .containsEntry("floor", 0.0);
        assertThat(presets().base("smoke")).contains("paper");
        assertThat(presets().base("official")).isEmpty();
    }

    @Test
    void atChoosesAnotherBase() {
        // the official floor with the smoke sizes; smoke's own lr still wins over official's
        assertThat(presets().get("smoke@official", "s")).containsEntry("layers", 3).containsEntry("lr", 0.05)
                .containsEntry("floor", 0.001);
        assertThat(presets().base("smoke@official")).contains("official");
        assertThat(presets().record("smoke@official", "s", Recipe.class)).isEqualTo(new Recipe(0.05, 0.001, 3));
    }

    @Test
    void unknownNamesAndChainedBasesAreUsageErrors() {
        assertThatThrownBy(() -> presets().get("smoke@nope", "s")).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown preset 'smoke@nope' for strategy s; known: [paper, official, smoke]")
                .hasMessageContaining("one of [paper, official]");
        assertThatThrownBy(() -> presets().get("tiny", "s")).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown preset 'tiny'");
        assertThatThrownBy(() -> presets().get("official@smoke", "s")).isInstanceOf(UsageException.class)
                .hasMessageContaining("smoke builds on paper itself");
    }
}
