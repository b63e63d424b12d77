package org.istanas.search.twostage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.istanas.api.config.ConfigException;
import org.istanas.api.config.ConfigLoader;
import org.istanas.api.config.ConfigWriter;
import org.istanas.search.toolkit.eval.EvaluationConfig;
import org.istanas.search.toolkit.eval.EvaluationPresets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigAndPresetsTest {
    @TempDir
    Path dir;

    @Test
    void paperDefaultsAreTheSupplementaryMaterial() {
        TwoStageConfig c = ConfigLoader.load(TwoStageConfig.class, new TwoStageStrategy().preset("paper"), null,
                List.of());
        // supplementary material 1.2 and paper digest section 2
        assertThat(c.layers()).isEqualTo(8);
        assertThat(c.channels()).isEqualTo(16);
        assertThat(c.nodes()).isEqualTo(4);
        assertThat(c.sparsity()).isEqualTo(2);
        assertThat(c.trainPortion()).isEqualTo(0.5);
        assertThat(c.epochs()).isEqualTo(50);
        assertThat(c.batchSize()).isEqualTo(256);
        assertThat(c.momentum()).isEqualTo(0.9);
        assertThat(c.weightDecay()).isEqualTo(3e-4);
        assertThat(c.learningRate()).isEqualTo(0.2);
        assertThat(c.learningRateMin()).isEqualTo(0.0);
        assertThat(c.gradClip()).isEqualTo(5.0);
        assertThat(c.archLearningRate()).isEqualTo(6e-4);
        assertThat(c.archBeta1()).isEqualTo(0.5);
        assertThat(c.archBeta2()).isEqualTo(0.999);
        assertThat(c.archWeightDecay()).isEqualTo(1e-3);
        assertThat(c.lambda()).isEqualTo(1e-5);
        assertThat(c.projDims()).isEqualTo(7);
        assertThat(c.matrix()).isEqualTo("uniform");
        assertThat(c.archInitScale()).isEqualTo(1e-3);
        assertThat(c).isEqualTo(TwoStageConfig.defaults());
    }

    @Test
    void evaluationDefaultsAreTheDartsConvention() {
        EvaluationConfig e = EvaluationPresets.record("paper");
        assertThat(List.of(e.layers(), e.channels(), e.epochs(), e.batchSize(), e.cutout()))
                .containsExactly(20, 36, 600, 96, 16);
        assertThat(List.of(e.learningRate(), e.learningRateMin(), e.momentum(), e.weightDecay(), e.dropPath(),
                e.auxiliaryWeight(), e.gradClip())).containsExactly(0.025, 0.0, 0.9, 3e-4, 0.2, 0.4, 5.0);
    }

    @Test
    void everyPresetLoadsAndOverridesWin() {
        for (String p : new TwoStageStrategy().presets()) {
            ConfigLoader.load(TwoStageConfig.class, new TwoStageStrategy().preset(p), null, List.of());
        }
        for (String p : new DartsStrategy().presets()) {
            ConfigLoader.load(DartsConfig.class, new DartsStrategy().preset(p), null, List.of());
        }
        for (String p : EvaluationPresets.names()) {
            EvaluationPresets.record(p);
        }
        TwoStageConfig smoke = ConfigLoader.load(TwoStageConfig.class, new TwoStageStrategy().preset("smoke"), null,
                List.of("matrix=gaussian", "learningRateMin=0.001", "epochs=3"));
        assertThat(smoke.layers()).isEqualTo(3);
        assertThat(smoke.matrix()).isEqualTo("gaussian");
        assertThat(smoke.learningRateMin()).isEqualTo(0.001);
        assertThat(smoke.epochs()).isEqualTo(3);
        assertThatThrownBy(() -> new TwoStageStrategy().preset("fast")).hasMessageContaining("known: [paper, official, cpu, smoke");
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> ConfigLoader.load(TwoStageConfig.class, new TwoStageStrategy().preset("paper"), null,
                List.of("matrix=bernoulli"))).isInstanceOf(ConfigException.class).hasMessageContaining("matrix");
        assertThatThrownBy(() -> ConfigLoader.load(TwoStageConfig.class, new TwoStageStrategy().preset("paper"), null,
                List.of("trainPortion=1.5"))).hasMessageContaining("trainPortion");
        assertThatThrownBy(() -> ConfigLoader.load(TwoStageConfig.class, new TwoStageStrategy().preset("paper"), null,
                List.of("learningRateMin=0.5"))).hasMessageContaining("learningRateMin");
        assertThatThrownBy(() -> ConfigLoader.load(TwoStageConfig.class, new TwoStageStrategy().preset("paper"), null,
                List.of("sparseness=3"))).hasMessageContaining("sparseness");
    }

    @Test
    void configYamlOfARunLoadsBackToTheSameRecord() throws IOException {
        TwoStageConfig c = ConfigLoader.load(TwoStageConfig.class, new TwoStageStrategy().preset("cpu"), null,
                List.of("lambda=1e-4"));
        Path yaml = dir.resolve("config.yaml");
        Files.writeString(yaml, ConfigWriter.toYaml(c));
        assertThat(ConfigLoader.load(TwoStageConfig.class, Map.of(), yaml, List.of())).isEqualTo(c);
    }
}
