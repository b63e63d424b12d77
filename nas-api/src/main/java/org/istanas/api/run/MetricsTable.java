package org.istanas.api.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * resumed run appends them again exactly once. Values must not contain commas, quotes or line breaks.
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
        for (String value : values) {
            if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("value '" + value + "' for " + file + " contains , \" or a newline");
            }
        }
        List<String> lines = readLines();
        lines.add(String.join(",", values.subList(0, columns.size())));
        write(lines);
    }

    /** Keeps only rows whose key is below {@code key} (creates the file with its header if absent). */
    public synchronized void retainBelow(int key) throws IOException {
        List<String> lines = readLines();
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            String first = line.split(",", 2)[0];
            if (Integer.parseInt(first) < key) {
                kept.add(line);
            }
        }
        write(kept);
    }

    /** The data rows (header excluded), each split into its values. */
    public synchronized List<List<String>> rows() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : readLines()) {
            rows.add(List.of(line.split(",", -1)));
        }
        return List.copyOf(rows);
    }

    /** Fixed, locale-independent number format (round-trips a double exactly). */
    public static String format(double value) {
        return Double.toString(value);
    }

    /** Fixed format with {@code digits} decimals, for values shown to people (e.g. times). */
    public static String format(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    private List<String> readLines() throws IOException {
        List<String> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (all.isEmpty()) {
            return rows;
        }
        List<String> found = List.of(all.get(0).split(",", -1));
        if (found.size() > header.size() || !header.subList(0, found.size()).equals(found)) {
            throw new IOException(file + " has header '" + all.get(0) + "', expected '" + String.join(",", header)
                    + "' or a leading part of it");
        }
        columns = found;
        for (String line : all.subList(1, all.size())) {
            if (!line.isBlank()) {
                rows.add(line);
            }
        }
        return rows;
    }

    private void write(List<String> rows) throws IOException {
        StringBuilder text = new StringBuilder(String.join(",", columns)).append('\n');
        for (String row : rows) {
            text.append(row).append('\n');
        }
        AtomicFiles.write(file, text.toString());
    }
}
