package org.istanas.api.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 15 item 14: "1 epoch", not "1 epochs". */
final class CountsTest {
    @Test
    void singularOnlyForOne() {
        assertThat(Counts.of(1, "epoch")).isEqualTo("1 epoch");
        assertThat(Counts.of(0, "epoch")).isEqualTo("0 epochs");
        assertThat(Counts.of(2, "step")).isEqualTo("2 steps");
    }
}
