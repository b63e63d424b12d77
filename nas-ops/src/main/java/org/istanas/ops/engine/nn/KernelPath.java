package org.istanas.ops.engine.nn;

import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which implementation runs the kernels that exist twice (batch norm, phase shuffles, the input copy of the
 * search networks): {@link #HOST} loops in Java over the arrays' host buffers (the fastest on the CPU backend),
 * {@link #ND4J} is built only from ND4J operations and so runs on any backend (on CUDA the host buffers are not
 * synchronised with device memory).
 *
 * <p>Selection: system property {@value #PROPERTY} = {@code host}, {@code nd4j} or {@code auto} (the default:
 * host on the CPU backend, ND4J on any other). Tests switch paths with {@link #override}.
 */
public enum KernelPath {
    HOST, ND4J;

    /** System property selecting the path. */
    public static final String PROPERTY = "istanas.kernels";

    private static volatile KernelPath override;

    /** The path in force now. */
    public static KernelPath current() {
        KernelPath forced = override;
        if (forced != null) {
            return forced;
        }
        return resolve(System.getProperty(PROPERTY), Nd4j.getEnvironment().isCPU());
    }

    /**
     * The path for a setting on a backend.
     *
     * @throws IllegalArgumentException for an unknown value, or {@code host} on a backend other than the CPU one
     */
    static KernelPath resolve(String setting, boolean cpuBackend) {
        String value = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "", "auto":
                return cpuBackend ? HOST : ND4J;
            case "nd4j":
                return ND4J;
            case "host":
                if (!cpuBackend) {
                    throw new IllegalArgumentException("system property " + PROPERTY + "=host needs ND4J's CPU "
                            + "backend (host buffers are not synchronised with device memory); use nd4j or auto");
                }
                return HOST;
            default:
                throw new IllegalArgumentException("system property " + PROPERTY + " must be host, nd4j or auto, got '"
                        + setting + "'");
        }
    }

    /**
     * Forces a path for this JVM until the returned handle is closed (tests run both paths on the CPU).
     * Not for production code: the property is the configuration.
     */
    public static Override override(KernelPath path) {
        KernelPath previous = override;
        override = path;
        return new Override(previous);
    }

    /** Restores the previous forced path (or none) when closed. */
    public static final class Override implements AutoCloseable {
        private final KernelPath previous;

        private Override(KernelPath previous) {
            this.previous = previous;
        }

        @java.lang.Override
        public void close() {
            override = previous;
        }
    }
}
