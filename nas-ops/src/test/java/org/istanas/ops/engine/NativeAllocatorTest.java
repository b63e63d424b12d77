package org.istanas.ops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeAllocatorTest {
    private static final String GLIBC_ONLY = """
            7f1c2a000000-7f1c2a028000 r--p 00000000 08:01 1234  /usr/lib/x86_64-linux-gnu/libc.so.6
            7f1c2a200000-7f1c2a300000 r-xp 00000000 08:01 1240  /usr/lib/jvm/java-17/lib/server/libjvm.so
            """;
    private static final String WITH_JEMALLOC = GLIBC_ONLY
            + "7f1c2b000000-7f1c2b010000 r-xp 00000000 08:01 1300  /usr/lib/x86_64-linux-gnu/libjemalloc.so.2\n";

    @Test
    void jemallocIsNamedWithItsConfigurationWhenItIsMapped() {
        assertThat(NativeAllocator.describe(WITH_JEMALLOC, Map.of("MALLOC_CONF", "background_thread:true",
                "MALLOC_MMAP_THRESHOLD_", "131072")))
                .isEqualTo("malloc jemalloc (MALLOC_CONF=background_thread:true)");
        assertThat(NativeAllocator.describe(WITH_JEMALLOC, Map.of())).isEqualTo("malloc jemalloc (MALLOC_CONF=default)");
    }

    @Test
    void glibcIsNamedWithTheSettingsThatTuneIt() {
        assertThat(NativeAllocator.describe(GLIBC_ONLY, Map.of("MALLOC_MMAP_THRESHOLD_", "131072",
                "MALLOC_ARENA_MAX", "2", "MALLOC_CONF", "ignored by glibc")))
                .isEqualTo("malloc glibc (MALLOC_MMAP_THRESHOLD_=131072, MALLOC_ARENA_MAX=2)");
        assertThat(NativeAllocator.describe(GLIBC_ONLY, Map.of("MALLOC_ARENA_MAX", "2")))
                .isEqualTo("malloc glibc (MALLOC_MMAP_THRESHOLD_=default, MALLOC_ARENA_MAX=2)");
        assertThat(NativeAllocator.describe(GLIBC_ONLY, Map.of())).isEqualTo("malloc glibc (defaults)");
    }

    @Test
    void theRunningTestJvmIsDescribedFromItsOwnMaps() {
        // surefire's JVM is not started by the launcher; whatever it runs on, the description names one allocator
        assertThat(NativeAllocator.current()).matches("malloc (jemalloc|glibc|tcmalloc)( \\(.*\\))?");
        assertThat(new Nd4jEngine().describe()).contains(", malloc ");
    }
}
