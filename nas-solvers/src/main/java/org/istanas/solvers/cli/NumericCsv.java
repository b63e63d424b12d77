package org.istanas.solvers.cli;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads plain numeric CSV with Commons CSV: comma-separated decimal numbers (a value may be quoted), UTF-8 (an
 * initial byte-order mark is ignored). Blank lines and lines starting with {@code #} are skipped. Every value must be
 * a finite number; errors name the file, the 1-based line and column, and the offending text.
 */
public final class NumericCsv {
    /** RFC 4180 (a value may be quoted), {@code #} comments, spaces around a value ignored. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setCommentMarker('#')
            .setIgnoreSurroundingSpaces(true).get();

    private NumericCsv() {
    }

    /** One data line: its 1-based line number in the file and its values. */
    record Row(int line, double[] values) {
    }

    /** A matrix with one CSV line per row; every row must have the same number of values. */
    public static double[][] readMatrix(Path file) {
        List<Row> rows = read(file);
        int n = rows.get(0).values().length;
        double[][] matrix = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.values().length != n) {
                throw new InputException(file + " line " + row.line() + ": " + row.values().length
                        + " values, expected " + n + " like line " + rows.get(0).line()
                        + " (every row of the matrix needs the same number of columns)");
            }
            matrix[r] = row.values();
        }
        return matrix;
    }

    /** A vector written either one number per line or all numbers on one line. */
    public static double[] readVector(Path file) {
        List<Row> rows = read(file);
        if (rows.size() == 1) {
            return rows.get(0).values();
        }
        double[] vector = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.values().length != 1) {
                throw new InputException(file + " line " + row.line() + ": " + row.values().length
                        + " values; a vector needs one number per line or all numbers on a single line");
            }
            vector[r] = row.values()[0];
        }
        return vector;
    }

    static List<Row> read(Path file) {
        Objects.requireNonNull(file, "file is null");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": file not found");
        } catch (CharacterCodingException e) {
            throw new InputException(file + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                List<String> fields = record.toList();
                // a blank line, or a comment that does not start the line (those at its start the format skips)
                if (fields.size() == 1 && fields.get(0).isEmpty() || fields.get(0).startsWith("#")) {
                    continue;
                }
                int line = (int) parser.getCurrentLineNumber();
                rows.add(new Row(line, parseFields(file, line, fields)));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InputException(file + ": not readable as CSV (" + e.getMessage() + ")");
        }
        if (rows.isEmpty()) {
            throw new InputException(file + ": no numbers found (the file is empty or has only blank/comment lines)");
        }
        return rows;
    }

    private static double[] parseFields(Path file, int lineNumber, List<String> fields) {
        double[] values = new double[fields.size()];
        for (int c = 0; c < fields.size(); c++) {
            String field = fields.get(c).strip();
            String where = file + " line " + lineNumber + ", column " + (c + 1) + ": ";
            if (field.isEmpty()) {
                throw new InputException(where + "empty value" + (c == fields.size() - 1 ? " (trailing comma?)" : ""));
            }
            double value;
            try {
                value = Double.parseDouble(field);
            } catch (NumberFormatException e) {
                String hint = field.matches(".*\\d\\s+[-+.\\d].*") || field.contains(";")
                        ? " (values must be separated by commas)" : "";
                throw new InputException(where + "'" + field + "' is not a number" + hint);
            }
            if (!Double.isFinite(value)) {
                throw new InputException(where + field + " is not a finite number");
            }
            values[c] = value;
        }
        return values;
    }
}
