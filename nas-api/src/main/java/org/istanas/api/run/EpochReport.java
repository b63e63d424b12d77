package org.istanas.api.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a progress listener hears at the end of an epoch.
 *
 * @param epoch   0-based epoch just finished
 * @param epochs  total epochs of the run
 * @param values  named numbers in display order (e.g. {@code train_loss}, {@code valid_acc})
 * @param note    a short free-text line (e.g. the current genotype), empty when none
 * @param seconds wall-clock seconds the epoch took
 */
public record EpochReport(int epoch, int epochs, Map<String, Double> values, String note, double seconds) {
    public EpochReport {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values is null")));
        note = note == null ? "" : note;
    }

    public double value(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no value '" + name + "' in epoch report; has " + values.keySet());
        }
        return v;
    }
}
