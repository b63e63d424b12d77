package org.istanas.api.network;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a trained target network as a model file another framework loads on its own. */
public interface NetworkExporter {
    /**
     * Exports {@code network} in inference mode (running BN statistics, no drop-path) to {@code out}, with a sidecar
     * metadata JSON next to it. Validates everything, including a run of the exported graph against the engine,
     * before writing; both files are written atomically.
     */
    ExportResult export(TargetNetwork network, ExportRequest request, Path out) throws IOException;
}
