package org.istanas.api.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 item 3: one writer per run folder; a second is refused naming the holder; a dead holder's lock is free. */
final class RunFolderLockTest {
    @TempDir
    Path dir;

    /** A second process: locks the folder given as argument, says "locked" and waits to be killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            RunFolderLock lock = RunFolderLock.acquire(Path.of(args[0]));
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(120_000);
            lock.close();
        }
    }

    private Process startHolder() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                Holder.class.getName(), dir.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("locked");
        return p;
    }

    @Test
    void aSecondWriterInAnotherProcessIsRefusedNamingTheHolder() throws Exception {
        Process holder = startHolder();
        try {
            assertThatThrownBy(() -> RunFolderLock.acquire(dir))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("run folder " + dir + " is in use by pid " + holder.pid() + " on host ")
                    .hasMessageContaining(" since 20")
                    .hasMessageEndingWith("; wait for it to finish or stop that process first");
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLockLeftByAKilledProcessIsTakenOver() throws Exception {
        Process holder = startHolder();
        holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: no chance to clean up
        assertThat(Files.readString(dir.resolve(RunFolderLock.FILE))).startsWith("pid " + holder.pid() + " ");
        try (RunFolderLock lock = RunFolderLock.acquire(dir)) {
            assertThat(Files.readString(lock.file()))
                    .startsWith("pid " + ProcessHandle.current().pid() + " on host ");
        }
    }

    @Test
    void aSecondWriterInThisProcessIsRefusedAndTheLockIsFreeAfterClose() throws IOException {
        try (RunFolderLock first = RunFolderLock.acquire(dir)) {
            assertThatThrownBy(() -> RunFolderLock.acquire(dir))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("is in use by pid " + ProcessHandle.current().pid() + " on host ");
        }
        RunFolderLock.acquire(dir).close();
    }
}
