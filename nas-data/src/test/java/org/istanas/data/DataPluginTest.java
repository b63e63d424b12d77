package org.istanas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.ServiceLoader;
import org.istanas.api.Named;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.spi.NasPlugin;
import org.junit.jupiter.api.Test;

final class DataPluginTest {
    @Test
    void registersTheFiveDatasetsThroughTheServiceLoader() {
        NasPlugin plugin = ServiceLoader.load(NasPlugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof DataPlugin).findFirst().orElseThrow();
        assertThat(plugin.datasets()).extracting(Named::name)
                .containsExactly("cifar10", "fashion-mnist", "mnist", "imagenet-folder", "synthetic");
        assertThat(plugin.datasets()).allSatisfy(d -> assertThat(d.description()).isNotBlank());
        assertThat(plugin.searchStrategies()).isEmpty();
    }

    @Test
    void builtInProvidersCanBeLookedUpByName() {
        assertThat(org.istanas.data.pipeline.DatasetProviders.byName("mnist").name()).isEqualTo("mnist");
        assertThatThrownBy(() -> org.istanas.data.pipeline.DatasetProviders.byName("svhn"))
                .hasMessage("unknown dataset 'svhn'; known: [cifar10, fashion-mnist, imagenet-folder, mnist, synthetic]");
    }

    @Test
    void openRefusesAMissingDataDirectoryNamingTheOption() throws Exception {
        DatasetProvider cifar = new DataPlugin().datasets().get(0);
        assertThatThrownBy(() -> Datasets.open(cifar, null, 0, 0, Map.of()))
                .hasMessageContaining("'cifar10' needs a data directory (--data-dir)");
        DatasetProvider synthetic = new DataPlugin().datasets().get(4);
        assertThat(Datasets.open(synthetic, null, 0, 10, Map.of()).train().size()).isEqualTo(10);
    }
}
