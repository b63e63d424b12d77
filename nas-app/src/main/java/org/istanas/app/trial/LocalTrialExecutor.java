package org.istanas.app.trial;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.istanas.api.run.AtomicFiles;
import org.istanas.api.trial.TrialAttempt;
import org.istanas.api.trial.TrialEnvironment;
import org.istanas.api.trial.TrialExecutor;
import org.istanas.api.trial.TrialHandle;
import org.istanas.api.trial.TrialLaunch;
import org.istanas.api.trial.TrialObservation;
import org.istanas.api.trial.TrialSession;
import org.istanas.api.trial.TrialState;

/**
 * {@code local}: a pool of {@code workers} child processes on this machine, the cores divided between them (each
 * trial's engine gets {@code threads} threads, by default cores / workers). With one worker a trial has all the
 * cores, as a search in the driver's own JVM would. Children outlive a killed driver; a driver started again finds
 * them by process id and start time.
 */
public final class LocalTrialExecutor implements TrialExecutor {
    public static final String NAME = "local";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "child processes on this machine (options: workers, threads)";
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("workers", "trials running at once (default 1)");
        o.put("threads", "engine threads per trial (default: cores / workers, at least 1)");
        return o;
    }

    @Override
    public TrialSession open(TrialEnvironment environment) {
        int workers = environment.intOption("workers", 1);
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = environment.intOption("threads", Math.max(1, cores / workers));
        return new Session(environment.launch(), workers, threads);
    }

    private static final class Session implements TrialSession {
        private final TrialLaunch launch;
        private final int workers;
        private final int threads;
        private final Map<String, Process> children = new HashMap<>();
        private final String host = hostName();

        Session(TrialLaunch launch, int workers, int threads) {
            this.launch = launch;
            this.workers = workers;
            this.threads = threads;
        }

        @Override
        public int capacity() {
            return workers;
        }

        @Override
        public double pollSeconds() {
            return 0.5;
        }

        @Override
        public TrialHandle submit(TrialAttempt attempt) throws IOException {
            AtomicFiles.write(attempt.script(), launch.script(List.of(), List.of("-Distanas.threads=" + threads),
                    attempt));
            Files.setPosixFilePermissions(attempt.script(), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(attempt.log().getParent());
            Process p = new ProcessBuilder("bash", attempt.script().toString()).redirectErrorStream(true)
                    .redirectOutput(attempt.log().toFile()).redirectInput(ProcessBuilder.Redirect.from(
                            new java.io.File("/dev/null"))).start();
            String id = Long.toString(p.pid());
            children.put(id, p);
            return new TrialHandle(id, p.info().startInstant().map(Instant::toString).orElse(""));
        }

        @Override
        public TrialObservation observe(TrialHandle handle, TrialAttempt attempt) throws IOException {
            Process child = children.get(handle.id());
            if (child != null) {
                if (child.isAlive()) {
                    return new TrialObservation(TrialState.RUNNING, host, "pid " + handle.id());
                }
                return ExitRecords.ended(attempt.exitFile(), host, "process ended with exit code " + child.exitValue()
                        + " without recording it");
            }
            Optional<ProcessHandle> earlier = ProcessHandle.of(Long.parseLong(handle.id()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> handle.detail().isEmpty() || p.info().startInstant().map(Instant::toString)
                            .map(handle.detail()::equals).orElse(false));
            if (earlier.isPresent()) {
                return new TrialObservation(TrialState.RUNNING, host, "pid " + handle.id() + ", started by an earlier "
                        + "driver");
            }
            return ExitRecords.ended(attempt.exitFile(), host, "process " + handle.id() + " is gone and recorded no "
                    + "exit code");
        }

        @Override
        public void cancel(TrialHandle handle) {
            ProcessHandle.of(Long.parseLong(handle.id())).ifPresent(p -> {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
            });
        }

        private static String hostName() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "localhost";
            }
        }
    }
}
