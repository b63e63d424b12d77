package org.istanas.app.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllocatorEnvironmentTest {
    private static final String DEBIAN = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2";

    @Test
    void jemallocIsPreloadedWhereItIsInstalledWithTheLaunchersTuningAndGlibcsAsFallback() {
        Map<String, String> env = AllocatorEnvironment.of(Map.of(), Set.of(DEBIAN)::contains);
        assertThat(env).containsExactlyInAnyOrderEntriesOf(Map.of("LD_PRELOAD", DEBIAN,
                "MALLOC_CONF", AllocatorEnvironment.DEFAULT_MALLOC_CONF,
                "MALLOC_ARENA_MAX", "2", "MALLOC_MMAP_THRESHOLD_", "131072"));
        // the launcher's defaults, spelled out independently of the constant
        assertThat(AllocatorEnvironment.DEFAULT_MALLOC_CONF).contains("background_thread:true", "oversize_threshold:0");
    }

    @Test
    void withoutTheLibraryOnlyGlibcsSettingsAreSet() {
        assertThat(AllocatorEnvironment.of(Map.of("MALLOC_MMAP_THRESHOLD_", "65536"), path -> false))
                .containsExactlyInAnyOrderEntriesOf(Map.of("MALLOC_ARENA_MAX", "2", "MALLOC_MMAP_THRESHOLD_", "65536"));
    }

    @Test
    void aDriverOnJemallocPassesItsOwnPreloadAndConfigurationOn() {
        Map<String, String> driver = Map.of("LD_PRELOAD", "/opt/lib/libjemalloc.so.2:/opt/other.so",
                "MALLOC_CONF", "dirty_decay_ms:1000");
        assertThat(AllocatorEnvironment.of(driver, path -> false)).containsEntry("LD_PRELOAD",
                "/opt/lib/libjemalloc.so.2:/opt/other.so").containsEntry("MALLOC_CONF", "dirty_decay_ms:1000");
    }

    @Test
    void anotherPreloadIsKeptBehindJemalloc() {
        assertThat(AllocatorEnvironment.of(Map.of("LD_PRELOAD", "/opt/other.so"), Set.of(DEBIAN)::contains))
                .containsEntry("LD_PRELOAD", DEBIAN + ":/opt/other.so");
    }

    @Test
    void theChoiceAndTheLibraryPathAreHonouredAndCheckedAsTheLauncherDoes() {
        assertThat(AllocatorEnvironment.of(Map.of("ISTANAS_ALLOCATOR", "glibc"), Set.of(DEBIAN)::contains))
                .doesNotContainKeys("LD_PRELOAD", "MALLOC_CONF");
        assertThat(AllocatorEnvironment.of(Map.of("ISTANAS_JEMALLOC", "/opt/je.so"), Set.of(DEBIAN, "/opt/je.so")::contains))
                .containsEntry("LD_PRELOAD", "/opt/je.so");
        assertThatThrownBy(() -> AllocatorEnvironment.of(Map.of("ISTANAS_JEMALLOC", "/opt/je.so"), path -> false))
                .hasMessageContaining("ISTANAS_JEMALLOC=/opt/je.so").hasMessageContaining("libjemalloc.so.2");
        assertThatThrownBy(() -> AllocatorEnvironment.of(Map.of("ISTANAS_ALLOCATOR", "jemalloc"), path -> false))
                .hasMessageContaining("ISTANAS_ALLOCATOR=jemalloc").hasMessageContaining("libjemalloc2");
        assertThatThrownBy(() -> AllocatorEnvironment.of(Map.of("ISTANAS_ALLOCATOR", "tcmalloc"), path -> false))
                .hasMessageContaining("ISTANAS_ALLOCATOR").hasMessageContaining("tcmalloc");
    }
}
