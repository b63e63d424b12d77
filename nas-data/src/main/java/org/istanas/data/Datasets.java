package org.istanas.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;

/** Opening datasets from command-line style arguments. */
public final class Datasets {
    /** The dataset used when none is named: needs no files. */
    public static final String DEFAULT = "synthetic";

    private Datasets() {
    }

    /**
     * Opens {@code provider}'s dataset; a provider that needs a data directory and gets none fails with a message
     * naming it and the {@code --data-dir} option.
     */
    public static ImageDataset open(DatasetProvider provider, Path dataDir, long seed, int limit,
                                    Map<String, String> options) throws IOException {
        Objects.requireNonNull(provider, "provider is null");
        if (dataDir == null && provider.needsDataDirectory()) {
            throw new org.istanas.api.UsageException("dataset '" + provider.name() + "' needs a data directory (--data-dir):"
                    + " " + provider.description());
        }
        return provider.open(new DatasetRequest(dataDir, seed, limit, options));
    }
}
