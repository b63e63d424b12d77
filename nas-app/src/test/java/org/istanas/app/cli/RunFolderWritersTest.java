package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.istanas.api.run.RunFolderLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 item 3 through the command line: a writer refuses a run folder another writer holds. */
final class RunFolderWritersTest {
    @TempDir
    Path dir;

    @Test
    void evaluateIntoAFolderSomeoneIsWritingIsRefusedBeforeTraining() throws Exception {
        Path out = dir.resolve("eval");
        Files.createDirectories(out);
        try (RunFolderLock held = RunFolderLock.acquire(out)) {
            MainTest.Result r = MainTest.run("evaluate", "--genotype", "DARTS_V2", "--dataset", "synthetic",
                    "--dataset-option", "trainSize=32", "--dataset-option", "testSize=16", "--preset", "smoke",
                    "--out", out.toString(), "--quiet");
            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).startsWith("istanas: run folder " + out + " is in use by pid "
                    + ProcessHandle.current().pid() + " on host ");
            assertThat(out.resolve("metrics.csv")).doesNotExist();
        }
    }
}
