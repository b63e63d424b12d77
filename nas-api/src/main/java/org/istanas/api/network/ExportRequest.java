package org.istanas.api.network;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.data.ImageShape;

/**
 * What to export and what to record beside the model, so it can be used without this project.
 *
 * @param format         the DL4J file format
 * @param withAuxiliary  also output the auxiliary head's logits (a second output); an error if the net has none
 * @param dilated        how dilated convolutions are written
 * @param input          image shape (CHW) the network takes
 * @param mean           per-channel mean of the normalisation (pixels scaled to [0, 1] first)
 * @param std            per-channel standard deviation of the normalisation
 * @param classNames     class names, index = logit position
 * @param description    further facts for the metadata file (genotype, source folder, provenance), JSON-able
 */
public record ExportRequest(ExportFormat format, boolean withAuxiliary, DilatedConvolutions dilated,
                            ImageShape input, float[] mean, float[] std, List<String> classNames,
                            Map<String, Object> description) {
    public ExportRequest {
        Objects.requireNonNull(format, "format is null");
        Objects.requireNonNull(dilated, "dilated is null");
        Objects.requireNonNull(input, "input is null");
        mean = mean.clone();
        std = std.clone();
        classNames = List.copyOf(classNames);
        description = Map.copyOf(description);
        if (mean.length != input.channels() || std.length != input.channels()) {
            throw new IllegalArgumentException("normalisation needs " + input.channels() + " means and stds, got "
                    + mean.length + " and " + std.length);
        }
    }
}
