package org.istanas.data.pipeline;

import java.util.List;
import java.util.stream.Collectors;
import org.istanas.api.data.DatasetProvider;
import org.istanas.data.DataPlugin;

/**
 * The built-in dataset providers without the plugin machinery (for embedding and tests); applications normally look
 * datasets up through {@code PluginCatalog}, which also sees third-party plugins.
 */
public final class DatasetProviders {
    private DatasetProviders() {
    }

    /** {@code cifar10}, {@code fashion-mnist}, {@code mnist}, {@code imagenet-folder}, {@code synthetic}. */
    public static List<DatasetProvider> all() {
        return new DataPlugin().datasets();
    }

    /** The built-in provider called {@code name}; an unknown name is an error listing the known ones. */
    public static DatasetProvider byName(String name) {
        List<DatasetProvider> all = all();
        return all.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() ->
                new org.istanas.api.UsageException("unknown dataset '" + name + "'; known: " + all.stream()
                        .map(DatasetProvider::name).sorted().collect(Collectors.toList())));
    }
}
