package org.istanas.solvers.ortools;

import com.google.ortools.Loader;

/**
 * Loads OR-Tools' native libraries on first use, once per JVM, thread-safely; a failure is remembered and
 * rethrown with its cause so every later solve reports the same clear error instead of an UnsatisfiedLinkError.
 */
final class OrToolsNatives {
    private static volatile boolean loaded;
    private static RuntimeException failure;

    private OrToolsNatives() {
    }

    static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (OrToolsNatives.class) {
            if (loaded) {
                return;
            }
            if (failure != null) {
                throw failure;
            }
            try {
                Loader.loadNativeLibraries();
                loaded = true;
            } catch (RuntimeException | LinkageError e) {
                failure = new IllegalStateException("cannot load the OR-Tools native libraries for "
                        + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                        + " (is the matching com.google.ortools:ortools-<platform> jar on the class path?)", e);
                throw failure;
            }
        }
    }
}
