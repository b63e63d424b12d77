package org.istanas.api.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A CSV table with a fixed header whose first column is an integer key (the epoch), appended to one row at a time.
 * Each append rewrites the file atomically (the tables have at most a few thousand rows), so a killed run never
 * leaves a half-written row. On resume, {@link #retainBelow(int)} drops rows the checkpoint does not cover, so the
 * resumed run appends them again exactly once. The text is read and written by {@link CsvFile} (Commons CSV): a value
 * with a comma, quote or line break in it is quoted.
 *
 * <p>A file written by an older version whose header is a leading part of today's (columns are only ever added at
 * the end) keeps its header: rows appended to it are cut to its columns, so an old run folder resumes.
 */
public final class MetricsTable {
    private final Path file;
    private final List<String> header;
    /** The header of the file as found (an older, shorter one), or {@code header}. */
    private List<String> columns;

    public MetricsTable(Path file, List<String> header) {
        this.file = Objects.requireNonNull(file, "file is null");
        this.header = List.copyOf(header);
        this.columns = this.header;
        if (this.header.isEmpty()) {
            throw new IllegalArgumentException("header is empty");
        }
    }

    public Path file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    /** Appends one row; the first value is the key. Numbers should be formatted with {@link #format(double)}. */
    public synchronized void append(List<String> values) throws IOException {
        if (values.size() != header.size()) {
            throw new IllegalArgumentException("row of " + values.size() + " values for " + header.size()
                    + " columns " + header + " in " + file);
        }
        List<List<String>> rows = new ArrayList<>(rows());
        rows.add(values.subList(0, columns.size()));
        write(rows);
    }

    /** Keeps only rows whose key is below {@code key} (creates the file with its header if absent). */
    public synchronized void retainBelow(int key) throws IOException {
        List<List<String>> kept = new ArrayList<>();
        for (CsvFile.Row row : read()) {
            String first = row.values().get(0);
            int rowKey;
            try {
                rowKey = Integer.parseInt(first);
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + row.line() + ", column 1 (" + columns.get(0) + "): '" + first
                        + "' is not a whole number", e);
            }
            if (rowKey < key) {
                kept.add(row.values());
            }
        }
        write(kept);
    }

    /** The data rows (header excluded), each split into its values. */
    public synchronized List<List<String>> rows() throws IOException {
        return read().stream().map(CsvFile.Row::values).toList();
    }

    /** Fixed, locale-independent number format (round-trips a double exactly). */
    public static String format(double value) {
        return Double.toString(value);
    }

    /** Fixed format with {@code digits} decimals, for values shown to people (e.g. times). */
    public static String format(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    /** The file's rows, after checking its header is today's or a leading part of it (none if there is no file). */
    private List<CsvFile.Row> read() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        CsvFile table = CsvFile.read(file);
        if (table.header().isEmpty()) {
            return List.of();
        }
        List<String> found = table.header();
        if (found.size() > header.size() || !header.subList(0, found.size()).equals(found)) {
            throw new IOException(file + " has header '" + String.join(",", found) + "', expected '"
                    + String.join(",", header) + "' or a leading part of it");
        }
        columns = found;
        return table.rows();
    }

    private void write(List<List<String>> rows) throws IOException {
        AtomicFiles.write(file, CsvFile.text(columns, rows));
    }
}
