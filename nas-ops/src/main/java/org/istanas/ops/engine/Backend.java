package org.istanas.ops.engine;

import org.istanas.ops.engine.nn.KernelPath;
import org.istanas.ops.engine.nn.Parallel;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up of the ND4J native backend: thread count and a check that the build has oneDNN (without it depthwise
 * convolutions are ~70x slower, docs/engine.md).
 *
 * <p>Threads: system property {@code istanas.threads}, else environment {@code OMP_NUM_THREADS}, else the number
 * of available processors. The same count sizes ND4J's native pool and the engine's Java pool (batch norm).
 * OpenMP reads {@code OMP_WAIT_POLICY} only from the process environment, so launchers should export
 * {@code OMP_WAIT_POLICY=PASSIVE} (docs/engine.md: spinning workers collapse on a shared, oversubscribed machine).
 * The description ends with the native allocator ({@link NativeAllocator}).
 */
public final class Backend {
    private static final Logger LOG = LoggerFactory.getLogger(Backend.class);
    private static volatile String description;

    private Backend() {
    }

    public static int configuredThreads() {
        String property = System.getProperty("istanas.threads");
        String env = System.getenv("OMP_NUM_THREADS");
        String value = property != null ? property : env;
        if (value != null && !value.isBlank()) {
            try {
                int threads = Integer.parseInt(value.trim());
                if (threads >= 1) {
                    return threads;
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new IllegalArgumentException((property != null ? "system property istanas.threads"
                    : "environment variable OMP_NUM_THREADS") + " must be a positive integer, got '" + value + "'");
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** Initialises the backend once and returns its description. */
    public static synchronized String initialize() {
        if (description == null) {
            int threads = configuredThreads();
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
            Parallel.setThreads(threads);
            String info = buildInfo();
            String kernels = "kernels " + KernelPath.current().name().toLowerCase(java.util.Locale.ROOT);
            if (!Nd4j.getEnvironment().isCPU()) {
                // a device backend (nd4j-cuda): batch norm and phase shuffles run as ND4J ops (KernelPath)
                description = Nd4j.getBackend().getClass().getSimpleName() + " 1.0.0-M2.1, " + threads
                        + " host threads, " + kernels + ", " + NativeAllocator.current();
                LOG.info("ND4J backend: {}", description);
                return description;
            }
            boolean oneDnn = info.contains("HAVE_ONEDNN");
            boolean avx512 = info.contains("avx512") || info.contains("AVX512")
                    || String.valueOf(System.getProperty("org.bytedeco.javacpp.platform.extension")).contains("avx512");
            description = "nd4j-native 1.0.0-M2.1 (" + (oneDnn ? "oneDNN" : "NO oneDNN") + (avx512 ? ", AVX-512" : "")
                    + ", extension '" + System.getProperty("org.bytedeco.javacpp.platform.extension", "") + "'), "
                    + threads + " threads, OMP_WAIT_POLICY=" + System.getenv().getOrDefault("OMP_WAIT_POLICY", "unset")
                    + (KernelPath.current() == KernelPath.HOST ? "" : ", " + kernels)
                    + ", " + NativeAllocator.current();
            if (!"PASSIVE".equalsIgnoreCase(System.getenv("OMP_WAIT_POLICY"))) {
                LOG.info("OMP_WAIT_POLICY is not PASSIVE: on a machine shared with other work, spinning OpenMP "
                        + "threads can slow every native op several times; export OMP_WAIT_POLICY=PASSIVE");
            }
            if (oneDnn) {
                LOG.info("ND4J backend: {}", description);
            } else {
                LOG.warn("ND4J backend has no oneDNN: convolutions will be very slow. Put the "
                        + "nd4j-native '-onednn' or '-onednn-avx512' classifier jar on the class path and set "
                        + "-Dorg.bytedeco.javacpp.platform.extension to the same suffix. Build info: {}", info);
            }
        }
        return description;
    }

    /** The native library's build information (lists HAVE_ONEDNN when oneDNN is compiled in). */
    public static String buildInfo() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
    }

    public static boolean hasOneDnn() {
        return buildInfo().contains("HAVE_ONEDNN");
    }
}
