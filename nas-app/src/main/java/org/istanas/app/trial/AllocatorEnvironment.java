package org.istanas.app.trial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The native-allocator variables of a trial JVM, chosen as the launcher {@code ./istanas} chooses them: jemalloc
 * preloaded where it is installed ({@code ISTANAS_ALLOCATOR=auto}, the default), with the launcher's
 * {@code MALLOC_CONF}; glibc's settings always, as the fallback where the library is missing. A driver already
 * running on jemalloc passes its own {@code LD_PRELOAD} and {@code MALLOC_CONF} on unchanged (docs/engine.md says
 * why: jemalloc keeps resident memory flat without glibc's page faults).
 */
final class AllocatorEnvironment {
    /** The launcher's jemalloc tuning (keep equal to {@code ./istanas}). */
    static final String DEFAULT_MALLOC_CONF =
            "background_thread:true,oversize_threshold:0,dirty_decay_ms:10000,muzzy_decay_ms:0";
    /** Where Debian, Fedora and source builds install the library (the launcher searches the same). */
    static final List<String> JEMALLOC_PATHS = List.of("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2",
            "/usr/lib64/libjemalloc.so.2", "/usr/lib/libjemalloc.so.2", "/usr/local/lib/libjemalloc.so.2");

    private AllocatorEnvironment() {
    }

    /** The variables for a trial of a driver with environment {@code driver}, looking for files on this machine. */
    static Map<String, String> of(Map<String, String> driver) {
        return of(driver, path -> Files.isReadable(Path.of(path)));
    }

    static Map<String, String> of(Map<String, String> driver, Predicate<String> readable) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MALLOC_ARENA_MAX", driver.getOrDefault("MALLOC_ARENA_MAX", "2"));
        environment.put("MALLOC_MMAP_THRESHOLD_", driver.getOrDefault("MALLOC_MMAP_THRESHOLD_", "131072"));
        String preload = driver.getOrDefault("LD_PRELOAD", "");
        String choice = driver.getOrDefault("ISTANAS_ALLOCATOR", "auto");
        if (!List.of("auto", "jemalloc", "glibc").contains(choice)) {
            throw new IllegalStateException("ISTANAS_ALLOCATOR must be auto, jemalloc or glibc, got '" + choice + "'");
        }
        if (preload.contains("libjemalloc")) {
            environment.put("LD_PRELOAD", preload);
        } else if (!choice.equals("glibc")) {
            Optional<String> library = jemalloc(driver, readable);
            if (library.isEmpty() && choice.equals("jemalloc")) {
                throw new IllegalStateException("ISTANAS_ALLOCATOR=jemalloc but libjemalloc.so.2 was found neither in "
                        + "ISTANAS_JEMALLOC nor in " + JEMALLOC_PATHS + " (apt-get install libjemalloc2)");
            }
            library.ifPresent(path -> environment.put("LD_PRELOAD", preload.isEmpty() ? path : path + ":" + preload));
        }
        if (environment.containsKey("LD_PRELOAD")) {
            environment.put("MALLOC_CONF", driver.getOrDefault("MALLOC_CONF", DEFAULT_MALLOC_CONF));
        }
        return environment;
    }

    private static Optional<String> jemalloc(Map<String, String> driver, Predicate<String> readable) {
        String own = driver.get("ISTANAS_JEMALLOC");
        if (own != null && !own.isBlank()) {
            if (!readable.test(own)) {
                throw new IllegalStateException("ISTANAS_JEMALLOC=" + own
                        + ": no such readable file (expected the path of libjemalloc.so.2)");
            }
            return Optional.of(own);
        }
        return JEMALLOC_PATHS.stream().filter(readable).findFirst();
    }
}
