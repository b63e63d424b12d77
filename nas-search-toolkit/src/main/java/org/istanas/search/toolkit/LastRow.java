package org.istanas.search.toolkit;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.istanas.api.run.CsvFile;
import org.istanas.api.run.RunFolder;

/** The numeric columns of the last row of a run's metrics.csv. */
public final class LastRow {
    private LastRow() {
    }

    public static Map<String, Double> of(RunFolder folder) throws IOException {
        CsvFile table = CsvFile.read(folder.metrics());
        Map<String, Double> values = new LinkedHashMap<>();
        CsvFile.Row last = table.lastRow();
        if (last == null) {
            return values;
        }
        List<String> header = table.header();
        for (int i = 0; i < header.size() && i < last.values().size(); i++) {
            try {
                values.put(header.get(i), Double.parseDouble(last.values().get(i)));
            } catch (NumberFormatException notNumeric) {
                // support labels are not numbers
            }
        }
        return values;
    }
}
