package org.istanas.api.data;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to open a dataset.
 *
 * @param dataDir directory holding the files, or {@code null} for datasets that need none
 * @param seed    seed for anything random at load time (synthetic generation)
 * @param limit   use only the first {@code limit} images of each split; 0 means all
 * @param options provider-specific options (e.g. image size of a folder dataset)
 */
public record DatasetRequest(Path dataDir, long seed, int limit, Map<String, String> options) {
    public DatasetRequest {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
