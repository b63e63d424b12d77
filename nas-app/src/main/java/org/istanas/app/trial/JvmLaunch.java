package org.istanas.app.trial;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.istanas.api.trial.TrialLaunch;

/**
 * The launch of a trial in the same way as the driver was launched: the driver's Java executable, JVM options and
 * class path. The launcher {@code ./istanas} chose those options (heap, ND4J's off-heap bounds, the native build), so
 * a trial started from them behaves as {@code ./istanas} would on this machine; on a cluster node the same files must
 * be visible at the same paths (docs/cluster.md).
 */
public final class JvmLaunch {
    /** The main class of the command line. */
    public static final String MAIN_CLASS = "org.istanas.app.Main";

    private JvmLaunch() {
    }

    /** The launch of the running JVM. */
    public static TrialLaunch current() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> options = new ArrayList<>();
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // a debugger port cannot be shared, and the trial's thread count is the executor's to choose
            if (!option.startsWith("-agentlib:jdwp") && !option.startsWith("-Distanas.threads=")) {
                options.add(option);
            }
        }
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                classPath.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        Map<String, String> environment = new LinkedHashMap<>();
        // OpenMP threads must sleep while they wait, as the launcher arranges (docs/engine.md)
        environment.put("OMP_WAIT_POLICY", System.getenv().getOrDefault("OMP_WAIT_POLICY", "PASSIVE"));
        // and the native allocator keeps resident memory flat over epochs, as the launcher chooses it
        environment.putAll(AllocatorEnvironment.of(System.getenv()));
        return new TrialLaunch(java, options, String.join(File.pathSeparator, classPath), MAIN_CLASS, environment,
                Path.of("").toAbsolutePath().toString());
    }
}
