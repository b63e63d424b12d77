package org.istanas.api.network;

import java.nio.file.Path;

/**
 * An exported model.
 *
 * @param model          the DL4J model file
 * @param metadata       the sidecar JSON (input shape, normalisation, class names, outputs)
 * @param modelBytes     size of the model file
 * @param maxAbsLogitDiff largest |logit difference| between the exported graph and the engine on the self-check
 *                       images (run on this machine's backend before the file is written)
 */
public record ExportResult(Path model, Path metadata, long modelBytes, double maxAbsLogitDiff) {
}
