package org.istanas.search.onestage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.istanas.api.config.ConfigException;
import org.istanas.api.config.ConfigLoader;
import org.istanas.api.spi.NasPlugin;
import org.junit.jupiter.api.Test;

final class OneStageConfigTest {
    @Test
    void paperPresetIsTheOfficialCifarSetting() {
        OneStageConfig c = OneStagePresets.record("paper");
        // paper digest 1.7 / section 2, one-stage rows
        assertThat(c.layers()).isEqualTo(20);
        assertThat(c.channels()).isEqualTo(36);
        assertThat(c.auxiliaryWeight()).isEqualTo(0.4);
        assertThat(c.cutout()).isEqualTo(16);
        assertThat(c.batchSize()).isEqualTo(96);
        assertThat(c.learningRate()).isEqualTo(0.025);
        assertThat(c.momentum()).isEqualTo(0.9);
        assertThat(c.weightDecay()).isEqualTo(3e-4);
        assertThat(c.gradClip()).isEqualTo(5.0);
        assertThat(c.trainImages()).isZero();
        assertThat(c.archLearningRate()).isEqualTo(3e-4);
        assertThat(c.archBeta1()).isEqualTo(0.5);
        assertThat(c.archBeta2()).isEqualTo(0.999);
        assertThat(c.archWeightDecay()).isEqualTo(1e-3);
        assertThat(c.lambda()).isEqualTo(1e-5);
        assertThat(c.projDims()).isEqualTo(7);
        assertThat(c.sparsity()).isEqualTo(2);
        assertThat(c.matrix()).isEqualTo("uniform");
        assertThat(c.epsilon()).isEqualTo(1e-3);
        assertThat(c.parameterCap()).isEqualTo(3_700_000L);
        assertThat(c.retrainEpochs()).isEqualTo(600);
        assertThat(c.retrainSchedule()).isEqualTo("cosine");
        assertThat(c.dropPath()).isEqualTo(0.2);
        assertThat(c.network()).isEqualTo("cifar");
    }

    @Test
    void imagenetPresetIsTheSupplementarySetting() {
        OneStageConfig c = OneStagePresets.record("imagenet");
        // supplementary material 1.3
        assertThat(c.network()).isEqualTo("imagenet");
        assertThat(c.layers()).isEqualTo(14);
        assertThat(c.channels()).isEqualTo(48);
        assertThat(c.batchSize()).isEqualTo(1024);
        assertThat(c.labelSmoothing()).isEqualTo(0.1);
        assertThat(c.auxiliaryWeight()).isEqualTo(0.4);
        assertThat(c.archLearningRate()).isEqualTo(6e-3);
        assertThat(c.archBeta1()).isEqualTo(0.5);
        assertThat(c.archWeightDecay()).isEqualTo(1e-3);
        assertThat(c.learningRate()).isEqualTo(0.5);
        assertThat(c.weightDecay()).isEqualTo(3e-5);
        assertThat(c.retrainEpochs()).isEqualTo(250);
        assertThat(c.retrainSchedule()).isEqualTo("linear");
        assertThat(c.parameterCap()).isZero();
    }

    @Test
    void smokeAndCpuAreSmall() {
        assertThat(new OneStageStrategy().presets()).containsExactly("paper", "official", "imagenet", "imagenet-official", "cpu",
                "smoke");
        OneStageConfig smoke = OneStagePresets.record("smoke");
        assertThat(smoke.layers() * smoke.channels()).isLessThanOrEqualTo(24);
        assertThat(smoke.maxSearchEpochs() + smoke.retrainEpochs()).isLessThanOrEqualTo(4);
        assertThat(OneStagePresets.record("cpu").trainImages()).isEqualTo(4000);
    }

    @Test
    void retrainScheduleDecaysToTheFloorAndRampsDropPath() {
        RetrainSchedule cosine = new RetrainSchedule("cosine", 0.025, 0.0, 4, 0.2, 0);
        assertThat(cosine.learningRate(0)).isEqualTo(0.025);
        assertThat(cosine.learningRate(2)).isCloseTo(0.0125, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(cosine.dropPath(2)).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-15));
        RetrainSchedule linear = new RetrainSchedule("linear", 0.5, 0.0, 250, 0.0, 0);
        assertThat(linear.learningRate(125)).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(linear.learningRate(249)).isCloseTo(0.002, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(linear.dropPath(100)).isZero();
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> ConfigLoader.load(OneStageConfig.class, OneStagePresets.get("smoke"), null,
                List.of("epsilon=0"))).isInstanceOf(ConfigException.class).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> ConfigLoader.load(OneStageConfig.class, OneStagePresets.get("smoke"), null,
                List.of("network=mobile"))).hasMessageContaining("network must be 'cifar' or 'imagenet'");
        assertThatThrownBy(() -> ConfigLoader.load(OneStageConfig.class, OneStagePresets.get("smoke"), null,
                List.of("retrainSchedule=step"))).hasMessageContaining("retrainSchedule");
        assertThatThrownBy(() -> new OneStageStrategy().preset("fast")).hasMessageContaining("known: [paper");
    }

    @Test
    void pluginIsFoundByServiceLoader() {
        List<String> names = java.util.ServiceLoader.load(NasPlugin.class).stream().map(java.util.ServiceLoader.Provider::get)
                .flatMap(p -> p.searchStrategies().stream()).map(s -> s.name()).toList();
        assertThat(names).contains("one-stage");
    }
}
