package org.istanas.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.istanas.api.run.Provenance;
import org.istanas.api.run.ProvenanceFiles;
import org.istanas.api.run.RunFolder;
import org.istanas.app.embed.SearchBuilder;

/**
 * The result line naming the data a finished run read, from its provenance.json, so that an accuracy printed by a
 * command can never be mistaken for one on other data (issue 15 item 1: a synthetic-data accuracy read like a CIFAR
 * result).
 */
final class DatasetLine {
    private DatasetLine() {
    }

    /** E.g. {@code cifar10 in /data/cifar (50,000 training and 10,000 test images, 10 classes)}. */
    static String of(Path runFolder) {
        Provenance.DatasetInfo d;
        try {
            d = ProvenanceFiles.read(runFolder.resolve(RunFolder.PROVENANCE)).dataset();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        if (d == null) {
            return "unknown (" + runFolder.resolve(RunFolder.PROVENANCE) + " records none)";
        }
        return String.format(Locale.ROOT, "%s%s (%,d training and %,d test images, %d classes)%s", d.name(),
                d.dataDir() == null ? "" : " in " + d.dataDir(), d.train(), d.test(), d.classes(),
                d.name().equals(SearchBuilder.DEFAULT_DATASET) ? ": generated images, not a benchmark" : "");
    }
}
