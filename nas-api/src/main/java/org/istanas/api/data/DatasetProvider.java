package org.istanas.api.data;

import java.io.IOException;
import org.istanas.api.ExtensionPoint;
import org.istanas.api.Named;

/** Opens an image-classification dataset that is already on disk (or generated); never downloads. */
@ExtensionPoint
public interface DatasetProvider extends Named {
    /** Whether {@link DatasetRequest#dataDir()} must be given. */
    default boolean needsDataDirectory() {
        return true;
    }

    /**
     * Opens the dataset; validates its files eagerly and fails with a message naming the file and what is wrong.
     */
    ImageDataset open(DatasetRequest request) throws IOException;
}
