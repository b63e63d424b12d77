package org.istanas.ops.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which malloc serves this process's native memory (ND4J's arrays and the temporaries inside libnd4j's and oneDNN's
 * ops), with its tuning, for the backend description and so for every run's provenance: the allocator changes step
 * times by a third and decides whether resident memory stays flat over epochs (docs/engine.md). The launcher
 * preloads jemalloc where it is installed and otherwise tunes glibc malloc; a process started any other way (tests,
 * an embedding program) has whatever its own environment gives it, which this reports as it is.
 */
public final class NativeAllocator {
    private static final Path MAPS = Path.of("/proc/self/maps");

    private NativeAllocator() {
    }

    /** The allocator of the running process, e.g. {@code malloc jemalloc (MALLOC_CONF=background_thread:true)}. */
    public static String current() {
        String maps;
        try {
            maps = Files.readString(MAPS);
        } catch (IOException | UnsupportedOperationException e) {
            maps = null; // not Linux: the mapped libraries are unknown
        }
        return describe(maps, System.getenv());
    }

    /**
     * The allocator that {@code maps} (the text of {@code /proc/PID/maps}, or null when unknown) shows loaded, with
     * the environment variables that tune it.
     */
    static String describe(String maps, Map<String, String> environment) {
        if (maps == null) {
            return "malloc unknown (no /proc/self/maps)";
        }
        if (maps.contains("/libjemalloc.so")) {
            return "malloc jemalloc (MALLOC_CONF=" + environment.getOrDefault("MALLOC_CONF", "default") + ")";
        }
        if (maps.contains("/libtcmalloc")) {
            return "malloc tcmalloc";
        }
        String threshold = environment.get("MALLOC_MMAP_THRESHOLD_");
        String arenas = environment.get("MALLOC_ARENA_MAX");
        if (threshold == null && arenas == null) {
            return "malloc glibc (defaults)";
        }
        return "malloc glibc (MALLOC_MMAP_THRESHOLD_=" + (threshold == null ? "default" : threshold)
                + ", MALLOC_ARENA_MAX=" + (arenas == null ? "default" : arenas) + ")";
    }
}
