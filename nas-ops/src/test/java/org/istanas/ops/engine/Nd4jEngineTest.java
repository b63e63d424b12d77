package org.istanas.ops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.istanas.api.network.ParameterGroup;
import org.junit.jupiter.api.Test;

final class Nd4jEngineTest {
    private final Nd4jEngine engine = new Nd4jEngine();

    @Test
    void runsOnTheOneDnnBuildAndDescribesIt() {
        assertThat(Backend.hasOneDnn()).as("native build info lists HAVE_ONEDNN").isTrue();
        assertThat(engine.describe()).contains("oneDNN", "threads", "float32");
        assertThat(new Nd4jEngine(Precision.FLOAT64).describe()).endsWith("float64");
    }

    @Test
    void foreignParameterGroupsAreRejectedByName() {
        ParameterGroup foreign = () -> 3;
        assertThatThrownBy(() -> engine.sgd(foreign, 0.1, 0.9, 0)).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> engine.clipGradientNorm(5, foreign)).hasMessageContaining("does not belong");
    }

    @Test
    void threadCountComesFromTheSystemPropertyFirst() {
        String old = System.getProperty("istanas.threads");
        try {
            System.setProperty("istanas.threads", "3");
            assertThat(Backend.configuredThreads()).isEqualTo(3);
            System.setProperty("istanas.threads", "zero");
            assertThatThrownBy(Backend::configuredThreads).hasMessageContaining("istanas.threads")
                    .hasMessageContaining("zero");
        } finally {
            if (old == null) {
                System.clearProperty("istanas.threads");
            } else {
                System.setProperty("istanas.threads", old);
            }
        }
    }
}
