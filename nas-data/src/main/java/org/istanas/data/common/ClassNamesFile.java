package org.istanas.data.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a class-name file such as CIFAR-10's {@code batches.meta.txt}: one name per line in label order. */
public final class ClassNamesFile {
    private ClassNamesFile() {
    }

    /**
     * Reads exactly {@code expected} non-blank lines (trailing blank lines ignored); anything else is refused with a
     * message naming the file.
     */
    public static List<String> read(Path file, int expected) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String name = line.strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        if (names.size() != expected) {
            throw new IOException(file + ": expected " + expected + " class names (one per line), found "
                    + names.size() + ": " + names);
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IOException(file + ": class names must be distinct, got " + names);
        }
        return List.copyOf(names);
    }
}
