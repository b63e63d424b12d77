package org.istanas.report.run;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file of a run folder (metrics.csv, codes.csv, summary.csv, pairs.csv) as text cells under a header. Rows
 * shorter than the header (a file being appended to while it is read) are padded with empty cells.
 *
 * @param header column names
 * @param rows   cells, each row as long as the header
 */
public record Table(List<String> header, List<List<String>> rows) {
    public Table {
        header = List.copyOf(header);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> padded = new ArrayList<>(row);
            while (padded.size() < header.size()) {
                padded.add("");
            }
            copy.add(List.copyOf(padded.subList(0, header.size())));
        }
        rows = List.copyOf(copy);
    }

    /** Reads {@code file}; fails naming the file when it is not CSV with a header. */
    public static Table read(Path file) throws IOException {
        Objects.requireNonNull(file, "file is null");
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setAllowMissingColumnNames(true).build().parse(in)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new IOException(file + " has no header line");
            }
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
            return new Table(header, rows);
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException(file + " is not a readable CSV table: " + e.getMessage(), e);
        }
    }

    public boolean has(String column) {
        return header.contains(column);
    }

    public int size() {
        return rows.size();
    }

    /** The text of {@code column} in every row. */
    public List<String> text(String column) {
        int index = index(column);
        return rows.stream().map(r -> r.get(index)).toList();
    }

    /** The values of {@code column} as numbers; cells that are empty or not numbers are NaN. */
    public double[] numbers(String column) {
        int index = index(column);
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parse(rows.get(i).get(index));
        }
        return values;
    }

    /** Whether {@code column} has at least one number (node labels and folder names do not). */
    public boolean isNumeric(String column) {
        for (double v : numbers(column)) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    private int index(String column) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + column + "'; columns are " + header);
        }
        return index;
    }

    static double parse(String cell) {
        if (cell == null || cell.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
