package org.istanas.api.run;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV tables of a run folder (metrics.csv, codes.csv, summary.csv), read and written with Commons CSV in
 * RFC 4180 form with {@code \n} line ends. A value is quoted only when it must be (a comma, quote or line break in
 * it, or a leading character such as a space or {@code #}), so the numbers and names the runs write stand as they
 * are, byte for byte as the files were always written.
 *
 * @param file   where the table was read from, for error messages
 * @param header the first record; empty for an empty file
 * @param rows   the records after the header, blank lines left out
 */
public record CsvFile(Path file, List<String> header, List<Row> rows) {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    /** One record and the 1-based line of the file it ends on. */
    public record Row(long line, List<String> values) {
        public Row {
            values = List.copyOf(values);
        }
    }

    public CsvFile {
        Objects.requireNonNull(file, "file is null");
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** Reads the whole file; a quoted value may hold commas, quotes and line breaks. */
    public static CsvFile read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> header = List.of();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a line of spaces is blank, as an empty line is
                }
                if (header.isEmpty()) {
                    header = record.toList();
                } else {
                    rows.add(new Row(parser.getCurrentLineNumber(), record.toList()));
                }
            }
        } catch (UncheckedIOException e) {
            throw new IOException(file + ": not readable as CSV (" + e.getCause().getMessage() + ")", e);
        } catch (IOException e) {
            throw new IOException(file + ": not readable as CSV (" + e.getMessage() + ")", e);
        }
        return new CsvFile(file, header, rows);
    }

    /** Index of the column named {@code name}, or -1. */
    public int column(String name) {
        return header.indexOf(name);
    }

    /** The last row, or null when the table has no rows. */
    public Row lastRow() {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1);
    }

    /**
     * The number in {@code column} of {@code row}; an error names the file, line and column when it is missing or
     * not a number.
     */
    public double number(Row row, int column) throws IOException {
        String where = file + " line " + row.line() + ", column " + (column + 1)
                + (column < header.size() ? " (" + header.get(column) + ")" : "");
        if (column >= row.values().size()) {
            throw new IOException(where + ": missing; the row has " + row.values().size() + " values");
        }
        String value = row.values().get(column);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IOException(where + ": '" + value + "' is not a number", e);
        }
    }

    /** The header and {@code rows} as CSV text, each record ending in {@code \n}. */
    public static String text(List<String> header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to a StringBuilder", e);
        }
        return text.toString();
    }
}
