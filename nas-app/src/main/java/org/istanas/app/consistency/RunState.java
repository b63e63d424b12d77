package org.istanas.app.consistency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;
import org.istanas.api.run.RunFolder;

/** How far a search or evaluation run folder of an experiment got, judged by the files the run machinery writes. */
public enum RunState {
    /** Nothing usable: no folder, no provenance.json, or stopped before its first checkpoint. Start it afresh. */
    ABSENT,
    /** Started and checkpointed but has no result.json yet: continue it with the resume machinery. */
    UNFINISHED,
    /** result.json is there: reuse it, train nothing. */
    FINISHED;

    /** The state of {@code folder}. */
    public static RunState of(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder is null");
        if (Files.isRegularFile(folder.resolve(RunFolder.RESULT))) {
            return FINISHED;
        }
        if (!Files.isRegularFile(folder.resolve(RunFolder.PROVENANCE))
                || !Files.isRegularFile(folder.resolve(RunFolder.CONFIG))) {
            return ABSENT;
        }
        Path checkpoints = folder.resolve(RunFolder.CHECKPOINTS);
        if (!Files.isDirectory(checkpoints)) {
            return ABSENT;
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.anyMatch(Files::isRegularFile) ? UNFINISHED : ABSENT;
        }
    }
}
