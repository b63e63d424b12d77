package org.istanas.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project's shared test data: walks up from the working directory to the repository root (the folder with
 * {@code .ci/}) and looks for {@code ../shared/data/NAME} there and, for git worktrees kept below the main checkout's
 * parent, in the folders above it.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Optional<Path> find(String name) {
        Path dir = Path.of("").toAbsolutePath();
        Path root = null;
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".ci"))) {
                root = p;
                break;
            }
        }
        if (root == null) {
            return Optional.empty();
        }
        for (Path p = root.getParent(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data").resolve(name);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
