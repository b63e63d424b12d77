package org.istanas.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SeedSummaryTest {

    @Test
    void meanSampleStdAndBestOfN() {
        // 1 2 3 4: mean 2.5; squared deviations 2.25 .25 .25 2.25 sum to 5; sample variance 5/3; std 1.2910
        SeedSummary s = SeedSummary.of(3, 1, 4, 2);
        assertThat(s.n()).isEqualTo(4);
        assertThat(s.mean()).isEqualTo(2.5);
        assertThat(s.std()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-15));
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(4);
        assertThat(s.best()).isEqualTo(4);
        assertThat(s.toText(2)).isEqualTo("2.50 ± 1.29 (n=4); best of 4: 4.00");
        assertThat(SeedSummary.of(SeedSummary.Direction.LOWER_IS_BETTER, 3, 1, 4, 2).best()).isEqualTo(1);
    }

    @Test
    void paperStyleText() {
        SeedSummary s = SeedSummary.of(97.05, 97.12, 97.25, 97.10, 97.08);
        // mean = 485.60 / 5 = 97.12; best of 5 = 97.25
        assertThat(s.toString()).startsWith("97.12 ± ").endsWith(" (n=5); best of 5: 97.25");
    }

    @Test
    void singleRunHasNoStd() {
        SeedSummary s = SeedSummary.of(97.0);
        assertThat(s.std()).isNull();
        assertThat(s.toText(1)).isEqualTo("97.0 (n=1)");
    }

    @Test
    void serializesAndReadsBackAsJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        SeedSummary s = SeedSummary.of(SeedSummary.Direction.LOWER_IS_BETTER, 2.9, 3.1);
        JsonNode json = mapper.readTree(mapper.writeValueAsString(s));
        assertThat(json.get("n").asInt()).isEqualTo(2);
        assertThat(json.get("mean").asDouble()).isCloseTo(3.0, within(1e-12));
        assertThat(json.get("std").asDouble()).isCloseTo(Math.sqrt(0.02), within(1e-12));
        assertThat(json.get("best").asDouble()).isEqualTo(2.9);
        assertThat(json.get("bestOf").asInt()).isEqualTo(2);
        assertThat(json.get("direction").asText()).isEqualTo("lower-is-better");
        assertThat(mapper.readValue(mapper.writeValueAsString(s), SeedSummary.class)).isEqualTo(s);
        assertThat(mapper.readTree(mapper.writeValueAsString(SeedSummary.of(1.0))).get("std").isNull()).isTrue();
    }

    @Test
    void refusesEmptyAndNonFinite() {
        assertThatThrownBy(() -> SeedSummary.of()).hasMessageContaining("values is empty");
        assertThatThrownBy(() -> SeedSummary.of(1, Double.NaN)).hasMessageContaining("values[1] is NaN");
        assertThatThrownBy(() -> new SeedSummary(List.of(1.0), null)).hasMessage("direction is null");
    }
}
