package org.istanas.app.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.istanas.api.UsageException;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.data.ImageShape;
import org.istanas.api.run.Provenance;
import org.istanas.api.network.InputSizeException;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.data.folder.ImageFolderProvider;
import org.istanas.data.pipeline.Augmentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which dataset a run reads: provider name, data directory and provider options. Opening is deterministic (the
 * request seed is fixed), so every search seed of a study sees the same images.
 *
 * @param origin why this dataset, when the caller did not name it (the synthetic default, or the run that found the
 *               genotype), else empty; said in the header of the run
 */
record DatasetChoice(String name, Path dataDir, Map<String, String> options, String origin) {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetChoice.class);

    DatasetChoice {
        Objects.requireNonNull(name, "dataset name is null");
        options = Map.copyOf(options);
        Objects.requireNonNull(origin, "origin is null");
    }

    DatasetChoice(String name, Path dataDir, Map<String, String> options) {
        this(name, dataDir, options, "");
    }

    /**
     * The dataset of a run given what the caller named: {@code named} (null when the caller named none), and the
     * dataset {@code recorded} for the run that found the genotype (null for a search, or a genotype outside any run
     * folder). Unnamed, it is the recorded one (with the caller's data directory and options over the recorded ones),
     * else the synthetic default, which is said loudly; a data directory without any dataset name is refused. A named
     * dataset other than the recorded one is used as asked, with a warning.
     */
    static DatasetChoice choose(String named, Path dataDir, Map<String, String> options, RecordedDataset recorded) {
        if (named == null && recorded != null) {
            Map<String, String> merged = new java.util.LinkedHashMap<>(recorded.options());
            merged.putAll(options);
            return new DatasetChoice(recorded.name(), dataDir != null ? dataDir : recorded.dataDir(), merged,
                    "the dataset of the run that found the genotype, " + recorded.provenance());
        }
        if (named == null) {
            if (dataDir != null) {
                throw new UsageException(SearchBuilder.dataDirectoryWithoutDataset(dataDir));
            }
            LOG.warn("no dataset was named: using the built-in {} images, generated patterns, not a benchmark; name "
                    + "one with --dataset", SearchBuilder.DEFAULT_DATASET);
            return new DatasetChoice(SearchBuilder.DEFAULT_DATASET, null, options,
                    "the default when none is named: generated patterns, not a benchmark");
        }
        if (recorded != null && !recorded.name().equals(named)) {
            LOG.warn("the genotype was found on {} ({}) but this evaluation reads {} as asked", recorded.describe(),
                    recorded.provenance(), named);
            return new DatasetChoice(named, dataDir, options, "as asked; the genotype was found on "
                    + recorded.describe());
        }
        return new DatasetChoice(named, dataDir, options);
    }

    /**
     * The header line naming the data a run reads, e.g. {@code dataset: cifar10 in /data/cifar: 50,000 training and
     * 10,000 test images of 3x32x32, 10 classes}, with the crop size when the network sees crops, and the origin.
     */
    String header(ImageDataset dataset) {
        ImageShape input = Augmentation.networkInput(dataset);
        return String.format(Locale.ROOT, "dataset: %s%s: %,d training and %,d test images of %s%s, %d classes%s",
                name, dataDir == null ? "" : " in " + dataDir.toAbsolutePath(), dataset.train().size(),
                dataset.test().size(), text(dataset.shape()),
                input.equals(dataset.shape()) ? "" : " (network input: " + text(input) + " crops)",
                dataset.numClasses(), origin.isEmpty() ? "" : " (" + origin + ")");
    }

    private static String text(ImageShape shape) {
        return shape.channels() + "x" + shape.height() + "x" + shape.width();
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
