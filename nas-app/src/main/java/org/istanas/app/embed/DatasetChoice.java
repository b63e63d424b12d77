package org.istanas.app.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.istanas.api.UsageException;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.run.Provenance;
import org.istanas.api.network.InputSizeException;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.data.folder.ImageFolderProvider;

/**
 * Which dataset a run reads: provider name, data directory and provider options. Opening is deterministic (the
 * request seed is fixed), so every search seed of a study sees the same images.
 */
record DatasetChoice(String name, Path dataDir, Map<String, String> options) {
    DatasetChoice {
        Objects.requireNonNull(name, "dataset name is null");
        options = Map.copyOf(options);
    }

    ImageDataset open(PluginCatalog catalog) {
        DatasetProvider provider = catalog.dataset(name);
        if (provider.needsDataDirectory() && dataDir == null) {
            throw new UsageException("dataset " + name + " needs a data directory (--data-dir)");
        }
        try {
            return provider.open(new DatasetRequest(dataDir, 0, 0, options));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open dataset " + name + (dataDir == null ? "" : " in " + dataDir)
                    + ": " + e.getMessage(), e);
        }
    }

    Provenance.DatasetInfo describe(ImageDataset dataset) {
        return new Provenance.DatasetInfo(name, dataDir == null ? null : dataDir.toString(), dataset.checksum(),
                dataset.train().size(), dataset.test().size(), dataset.numClasses());
    }

    /**
     * {@code error} (images that do not fit the network) completed with what sets the image size of this dataset: the
     * {@code imageSize} option of an image folder, otherwise the fixed size of the provider's images.
     */
    UsageException explain(InputSizeException error) {
        if (name.equals(ImageFolderProvider.NAME)) {
            String size = options.getOrDefault(ImageFolderProvider.IMAGE_SIZE, "224 (the default)");
            return new UsageException(error.getMessage() + "; the network sees the " + ImageFolderProvider.IMAGE_SIZE
                    + " crops of dataset " + name + ", now " + size + ": give --dataset-option "
                    + ImageFolderProvider.IMAGE_SIZE + "=N with N a multiple of " + error.multiple(), error);
        }
        return new UsageException(error.getMessage() + "; dataset " + name + " has images of one fixed size: choose a"
                + " network that fits them (layers, network)", error);
    }

    /** Options as {@code k=v;k2=v2} for provenance.json. */
    String optionsText() {
        return options.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    static Map<String, String> parseOptions(String text) {
        Map<String, String> options = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return options;
        }
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("dataset option '" + pair + "' is not key=value");
            }
            options.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return options;
    }
}
