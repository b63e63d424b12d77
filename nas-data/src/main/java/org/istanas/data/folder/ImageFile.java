package org.istanas.data.folder;

import java.nio.file.Path;

/** One image file of a folder dataset and its label. */
record ImageFile(Path path, int label) {
}
