package org.istanas.metrics.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.istanas.api.run.AtomicFiles;

/**
 * Reads two numeric columns of a CSV file as a paired sample and writes paired samples and small tables.
 *
 * <p>Input: RFC 4180 CSV (comma-separated; tab-separated when the file name ends in {@code .tsv}), UTF-8 with an
 * optional byte-order mark, a header row naming the columns, surrounding spaces ignored. A row whose x or y value
 * is missing, empty, not a number or not finite is skipped and counted, never silently turned into a number.
 *
 * <p>Output: comma-separated with a header, {@code \n} line ends, values as {@link Double#toString(double)} (exact
 * round trip), a non-finite value as an empty cell (read back as missing), written atomically.
 */
public final class CsvPairs {
    /** How many skipped rows {@link PairedColumns#skippedSample()} keeps for messages. */
    public static final int SKIPPED_SAMPLE_SIZE = 10;

    private CsvPairs() {
    }

    /**
     * Reads columns {@code xColumn} and {@code yColumn} (exact header names).
     *
     * @throws CsvInputException naming the file when it is missing, unreadable, not UTF-8, malformed, has no header
     *                           or lacks a column (the message then lists the available columns)
     */
    public static PairedColumns read(Path file, String xColumn, String yColumn) {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(xColumn, "xColumn is null");
        Objects.requireNonNull(yColumn, "yColumn is null");
        CSVFormat format = inputFormat(file);
        try (Reader reader = openSkippingBom(file); CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new CsvInputException("CSV file " + file + " is empty; expected a header row naming the columns");
            }
            requireColumn(file, header, xColumn, "--x");
            requireColumn(file, header, yColumn, "--y");
            DoubleBuilder xs = new DoubleBuilder();
            DoubleBuilder ys = new DoubleBuilder();
            int skipped = 0;
            List<SkippedRow> sample = new ArrayList<>();
            for (CSVRecord record : parser) {
                Cell x = Cell.of("x", record, xColumn);
                Cell y = x.problem() == null ? Cell.of("y", record, yColumn) : x;
                if (y.problem() != null) {
                    skipped++;
                    if (sample.size() < SKIPPED_SAMPLE_SIZE) {
                        sample.add(new SkippedRow(record.getRecordNumber(), y.problem()));
                    }
                    continue;
                }
                xs.add(x.value());
                ys.add(y.value());
            }
            return new PairedColumns(file.toString(), xColumn, yColumn, xs.toArray(), ys.toArray(), skipped, sample);
        } catch (NoSuchFileException e) {
            throw new CsvInputException("CSV file not found: " + file, e);
        } catch (AccessDeniedException e) {
            throw new CsvInputException("CSV file " + file + " cannot be read: permission denied", e);
        } catch (CharacterCodingException e) {
            throw new CsvInputException("CSV file " + file + " is not UTF-8 text", e);
        } catch (IOException | UncheckedIOException e) {
            throw new CsvInputException("CSV file " + file + " cannot be read: " + message(e), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Commons CSV reports duplicate or malformed header names and parse errors this way.
            throw new CsvInputException("CSV file " + file + " is malformed: " + e.getMessage(), e);
        }
    }

    /**
     * Writes one labelled pair per row: {@code labelColumn, xColumn, yColumn}.
     *
     * @param labels one label per pair, e.g. the run or seed
     */
    public static void writePairs(Path file, String labelColumn, List<String> labels, String xColumn, double[] x,
                                  String yColumn, double[] y) throws IOException {
        Objects.requireNonNull(labels, "labels is null");
        Objects.requireNonNull(x, "x is null");
        Objects.requireNonNull(y, "y is null");
        if (labels.size() != x.length || x.length != y.length) {
            throw new IllegalArgumentException("labels, x and y must have the same length, got " + labels.size() + ", "
                    + x.length + " and " + y.length);
        }
        List<List<?>> rows = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            rows.add(Arrays.asList(labels.get(i), x[i], y[i]));
        }
        writeTable(file, List.of(labelColumn, xColumn, yColumn), rows);
    }

    /**
     * Writes a table atomically. Cells are written with {@link String#valueOf(Object)}, except doubles (and floats)
     * as described in the class comment and {@code null} as an empty cell.
     *
     * @throws IllegalArgumentException when a row's length differs from the header's
     */
    public static void writeTable(Path file, List<String> header, List<? extends List<?>> rows) throws IOException {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(header, "header is null");
        Objects.requireNonNull(rows, "rows is null");
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != header.size()) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + rows.get(i).size() + " cells but the header "
                        + header + " has " + header.size());
            }
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, format);
            printer.printRecord(header);
            for (List<?> row : rows) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object cell : row) {
                    cells.add(format(cell));
                }
                printer.printRecord(cells);
            }
            printer.flush(); // not closed: AtomicFiles owns the stream
        });
    }

    private static String format(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double || cell instanceof Float) {
            double d = ((Number) cell).doubleValue();
            return Double.isFinite(d) ? Double.toString(d) : "";
        }
        return String.valueOf(cell);
    }

    private static CSVFormat inputFormat(Path file) {
        Path name = file.getFileName();
        boolean tsv = name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".tsv");
        return (tsv ? CSVFormat.TDF : CSVFormat.DEFAULT).builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY) // a repeated name would be ambiguous
                .get();
    }

    private static Reader openSkippingBom(Path file) throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static void requireColumn(Path file, List<String> header, String column, String option) {
        if (header.contains(column)) {
            return;
        }
        StringBuilder message = new StringBuilder("column '").append(column).append("' (").append(option)
                .append(") not found in ").append(file).append("; available columns: ").append(String.join(", ", header));
        header.stream().filter(h -> h.equalsIgnoreCase(column.trim())).findFirst()
                .ifPresent(h -> message.append(" (did you mean '").append(h).append("'?)"));
        throw CsvInputException.missingColumn(message.toString());
    }

    /** A parsed cell: its value, or why it cannot be used. */
    private record Cell(double value, String problem) {
        static Cell of(String axis, CSVRecord record, String column) {
            if (!record.isSet(column)) {
                return new Cell(Double.NaN, axis + " value is missing (the row has only " + record.size() + " cells)");
            }
            String text = record.get(column).trim();
            if (text.isEmpty()) {
                return new Cell(Double.NaN, axis + " value is empty");
            }
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return new Cell(Double.NaN, axis + " value '" + abbreviate(text) + "' is not a number");
            }
            return Double.isFinite(value) ? new Cell(value, null)
                    : new Cell(Double.NaN, axis + " value '" + abbreviate(text) + "' is not finite");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Growable primitive array, to avoid boxing thousands of values. */
    private static final class DoubleBuilder {
        private double[] values = new double[256];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
