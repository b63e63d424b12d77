package org.istanas.search.toolkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.istanas.api.run.RunFolder;

/** The numeric columns of the last row of a run's metrics.csv. */
public final class LastRow {
    private LastRow() {
    }

    public static Map<String, Double> of(RunFolder folder) throws IOException {
        List<String> lines = Files.readAllLines(folder.metrics(), StandardCharsets.UTF_8);
        Map<String, Double> values = new LinkedHashMap<>();
        if (lines.size() < 2) {
            return values;
        }
        String[] header = lines.get(0).split(",");
        String[] last = lines.get(lines.size() - 1).split(",", -1);
        for (int i = 0; i < header.length && i < last.length; i++) {
            try {
                values.put(header[i], Double.parseDouble(last[i]));
            } catch (NumberFormatException notNumeric) {
                // support labels are not numbers
            }
        }
        return values;
    }
}
