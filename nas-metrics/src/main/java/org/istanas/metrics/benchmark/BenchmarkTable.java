package org.istanas.metrics.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.istanas.api.space.nb201.Nb201ArchString;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.api.space.nb201.Nb201Index;

/**
 * The NAS-Bench-201 table as an oracle, read once from its CSV export and indexed by cell. The export has the
 * header {@link #HEADER} and one row per cell, row i (0-based) holding benchmark index i. Reading validates
 * everything before the table is used: the header, exactly 15,625 rows of five columns, accuracies that are
 * numbers in [0, 100], architecture strings that parse and sit at their own index. Every error names the file, the
 * line and the column.
 */
public final class BenchmarkTable {
    public static final List<String> HEADER = List.of("CIFAR10TestAccuracy200Epochs", "CIFAR100TestAccuracy200Epochs",
            "ImageNetTestAccuracy200Epochs", "ArchitectureString", "UniqueString");
    private static final int ARCH_COLUMN = 3;

    private final Path source;
    private final List<BenchmarkEntry> entries;

    private BenchmarkTable(Path source, List<BenchmarkEntry> entries) {
        this.source = source;
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads and validates a CSV export.
     *
     * @throws BenchmarkTableException naming file, line and column of the first problem
     */
    public static BenchmarkTable read(Path file) {
        Objects.requireNonNull(file, "file is null");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).get().parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new BenchmarkTableException(file + ": empty file; expected the header " + String.join(",", HEADER));
            }
            checkHeader(file, records.next());
            List<BenchmarkEntry> entries = new ArrayList<>(Nb201Index.CELLS);
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = record.getRecordNumber();
                if (entries.size() == Nb201Index.CELLS) {
                    throw new BenchmarkTableException(file + ": line " + line + ": more than " + Nb201Index.CELLS
                            + " rows; the table holds one row per nas-bench-201 cell");
                }
                entries.add(entry(file, line, record, entries.size()));
            }
            if (entries.size() != Nb201Index.CELLS) {
                throw new BenchmarkTableException(file + ": " + entries.size() + " rows after the header; expected "
                        + Nb201Index.CELLS + " (one per nas-bench-201 cell)");
            }
            return new BenchmarkTable(file, entries);
        } catch (NoSuchFileException e) {
            throw new BenchmarkTableException(file + ": no such benchmark table", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BenchmarkTableException(file + ": cannot read benchmark table: " + e.getMessage(), e);
        }
    }

    private static void checkHeader(Path file, CSVRecord header) {
        for (int c = 0; c < HEADER.size(); c++) {
            String actual = c < header.size() ? header.get(c) : null;
            if (!HEADER.get(c).equals(actual)) {
                throw new BenchmarkTableException(file + ": line 1, column " + (c + 1) + ": header has "
                        + (actual == null ? "nothing" : "'" + actual + "'") + " where '" + HEADER.get(c)
                        + "' belongs; expected the header " + String.join(",", HEADER));
            }
        }
        if (header.size() != HEADER.size()) {
            throw new BenchmarkTableException(file + ": line 1: header has " + header.size() + " columns; expected "
                    + HEADER.size() + ": " + String.join(",", HEADER));
        }
    }

    private static BenchmarkEntry entry(Path file, long line, CSVRecord record, int index) {
        if (record.size() != HEADER.size()) {
            throw new BenchmarkTableException(file + ": line " + line + ": " + record.size() + " columns; expected "
                    + HEADER.size() + " (" + String.join(",", HEADER) + ")");
        }
        double[] accuracy = new double[3];
        for (int c = 0; c < 3; c++) {
            accuracy[c] = accuracy(file, line, c, record.get(c));
        }
        String where = file + ": line " + line + ", column " + (ARCH_COLUMN + 1) + " (" + HEADER.get(ARCH_COLUMN) + ")";
        Nb201Cell cell = Nb201ArchString.parse(record.get(ARCH_COLUMN), where);
        int expected;
        try {
            expected = Nb201Index.indexOf(cell);
        } catch (IllegalArgumentException e) {
            throw new BenchmarkTableException(where + ": " + e.getMessage(), e);
        }
        if (expected != index) {
            throw new BenchmarkTableException(where + ": " + cell.arch() + " is nas-bench-201 index " + expected
                    + " but sits in row " + index + "; row i of the export must hold index i");
        }
        return new BenchmarkEntry(index, cell, accuracy[0], accuracy[1], accuracy[2], record.get(4));
    }

    private static double accuracy(Path file, long line, int column, String text) {
        String where = file + ": line " + line + ", column " + (column + 1) + " (" + HEADER.get(column) + ")";
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BenchmarkTableException(where + ": '" + text + "' is not a number", e);
        }
        if (!(value >= 0 && value <= 100)) {
            throw new BenchmarkTableException(where + ": " + text + " is not an accuracy in percent (0..100)");
        }
        return value;
    }

    /** The file the table was read from. */
    public Path source() {
        return source;
    }

    /** All rows, in index order. */
    public List<BenchmarkEntry> entries() {
        return entries;
    }

    public BenchmarkEntry at(int index) {
        return entries.get(Objects.checkIndex(index, entries.size()));
    }

    /** The row of {@code cell}, which must use only the five nas-bench-201 operations. */
    public BenchmarkEntry lookup(Nb201Cell cell) {
        return entries.get(Nb201Index.indexOf(cell));
    }

    /** The row of an architecture string (parsed and canonicalised first). */
    public BenchmarkEntry lookup(String arch) {
        return lookup(Nb201ArchString.parse(arch, "architecture '" + arch + "'"));
    }
}
