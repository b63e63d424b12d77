package org.istanas.api.network;

import java.util.Arrays;
import java.util.Locale;

/** File formats a trained network can be exported to (DeepLearning4J 1.0.0-M2.1). */
public enum ExportFormat {
    /** A SameDiff graph ({@code SameDiff.load(file, false)}). */
    SAMEDIFF("samediff"),
    /** A DL4J ComputationGraph ({@code ComputationGraph.load(file, false)} / {@code ModelSerializer}). */
    COMPUTATION_GRAPH("computation-graph");

    private final String cliName;

    ExportFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line and in the metadata file. */
    public String cliName() {
        return cliName;
    }

    public static ExportFormat fromName(String name) {
        for (ExportFormat f : values()) {
            if (f.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown export format '" + name + "'; known: "
                + Arrays.stream(values()).map(ExportFormat::cliName).toList());
    }
}
