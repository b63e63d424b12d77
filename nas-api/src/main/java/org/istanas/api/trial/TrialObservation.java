package org.istanas.api.trial;

import java.util.Objects;

/**
 * An attempt's state as observed.
 *
 * @param state  the driver's view of the state
 * @param node   where it runs or ran (host or Slurm node list), or empty when unknown
 * @param detail the back-end's own words, e.g. {@code TIMEOUT}, {@code exit code 1}, {@code CANCELLED by 0}
 */
public record TrialObservation(TrialState state, String node, String detail) {
    public TrialObservation {
        Objects.requireNonNull(state, "state is null");
        node = node == null ? "" : node;
        detail = detail == null ? "" : detail;
    }
}
