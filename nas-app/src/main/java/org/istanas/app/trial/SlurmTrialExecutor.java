package org.istanas.app.trial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
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
 * {@code slurm}: one batch job per trial attempt. The job script is written into the experiment folder next to the
 * attempt's log; states come from {@code squeue} while Slurm remembers the job, then from {@code sacct} where
 * accounting is on, and finally from the exit code the script records in the experiment folder (a cluster without
 * accounting forgets a job MinJobAge seconds after it ends).
 */
public final class SlurmTrialExecutor implements TrialExecutor {
    public static final String NAME = "slurm";
    /** The options passed straight to sbatch as {@code --KEY=VALUE}. */
    private static final List<String> SBATCH_OPTIONS = List.of("partition", "time", "cpus-per-task", "mem", "gres",
            "account", "qos", "constraint");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "one Slurm batch job per trial (options: partition, time, cpus-per-task, mem, gres, account, ...)";
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("partition", "sbatch --partition");
        o.put("time", "sbatch --time, the time limit of each job, e.g. 4:00:00");
        o.put("cpus-per-task", "sbatch --cpus-per-task; also the engine threads of the trial");
        o.put("mem", "sbatch --mem, e.g. 16G");
        o.put("gres", "sbatch --gres, e.g. gpu:1");
        o.put("account", "sbatch --account");
        o.put("qos", "sbatch --qos");
        o.put("constraint", "sbatch --constraint");
        o.put("sbatch-args", "further sbatch arguments, separated by spaces");
        o.put("max-jobs", "jobs submitted and not yet ended at once (default 100)");
        o.put("poll", "seconds between two squeue calls (default 2)");
        return o;
    }

    @Override
    public TrialSession open(TrialEnvironment environment) throws IOException {
        for (String tool : List.of("sbatch", "squeue", "scancel")) {
            if (!Commands.onPath(tool)) {
                throw new IOException("the slurm executor needs " + tool + " on the PATH, and it is not there; "
                        + "run on a Slurm login node or use --executor local");
            }
        }
        List<String> header = new ArrayList<>();
        String tag = Integer.toHexString(environment.experimentFolder().toAbsolutePath().normalize().toString()
                .hashCode());
        for (String key : SBATCH_OPTIONS) {
            String value = environment.options().get(key);
            if (value != null) {
                if (value.isBlank() || value.contains("\n")) {
                    throw new IllegalArgumentException("--executor-option " + key + "='" + value
                            + "': expected a value for sbatch --" + key);
                }
                header.add("#SBATCH --" + key + "=" + value);
            }
        }
        String extra = environment.option("sbatch-args", "").trim();
        if (!extra.isEmpty()) {
            for (String arg : extra.split("\\s+")) {
                header.add("#SBATCH " + arg);
            }
        }
        List<String> jvm = environment.options().containsKey("cpus-per-task")
                ? List.of("-Distanas.threads=" + environment.intOption("cpus-per-task", 1)) : List.of();
        double poll = Double.parseDouble(environment.option("poll", "2"));
        return new Session(environment.launch(), header, jvm, "istanas-" + tag + "-",
                environment.intOption("max-jobs", 100), poll);
    }

    private static final class Session implements TrialSession {
        private final TrialLaunch launch;
        private final List<String> header;
        private final List<String> jvmOptions;
        private final String jobPrefix;
        private final int maxJobs;
        private final double poll;
        private Boolean accounting;

        Session(TrialLaunch launch, List<String> header, List<String> jvmOptions, String jobPrefix, int maxJobs,
                double poll) {
            this.launch = launch;
            this.header = header;
            this.jvmOptions = jvmOptions;
            this.jobPrefix = jobPrefix;
            this.maxJobs = maxJobs;
            this.poll = poll;
        }

        @Override
        public int capacity() {
            return maxJobs;
        }

        @Override
        public double pollSeconds() {
            return poll;
        }

        private String jobName(TrialAttempt attempt) {
            return jobPrefix + attempt.trialId() + "-" + attempt.number();
        }

        @Override
        public TrialHandle submit(TrialAttempt attempt) throws IOException {
            List<String> lines = new ArrayList<>();
            lines.add("#SBATCH --job-name=" + jobName(attempt));
            lines.add("#SBATCH --output=" + attempt.log());
            lines.add("#SBATCH --chdir=" + launch.workingDirectory());
            lines.add("#SBATCH --ntasks=1");
            lines.addAll(header);
            AtomicFiles.write(attempt.script(), launch.script(lines, jvmOptions, attempt));
            Files.setPosixFilePermissions(attempt.script(), PosixFilePermissions.fromString("rwxr-xr-x"));
            Commands.Output out = Commands.run(List.of("sbatch", "--parsable", attempt.script().toString()));
            String id = out.text().lines().reduce((a, b) -> b).orElse("").split(";")[0].trim();
            if (out.exitCode() != 0 || !id.matches("\\d+(_\\d+)?")) {
                throw new IOException("sbatch " + attempt.script() + " failed (exit code " + out.exitCode() + "): "
                        + out.text());
            }
            return new TrialHandle(id, jobName(attempt));
        }

        @Override
        public TrialObservation observe(TrialHandle handle, TrialAttempt attempt) throws IOException {
            Optional<String[]> queued = squeue(handle.id());
            if (queued.isEmpty()) {
                queued = sacct(handle.id());
            }
            if (queued.isEmpty()) {
                return ExitRecords.ended(attempt.exitFile(), "", "job " + handle.id() + " is unknown to squeue"
                        + (Boolean.TRUE.equals(accounting) ? " and sacct" : " (no accounting)")
                        + " and recorded no exit code");
            }
            String state = queued.get()[0];
            String node = queued.get().length > 1 ? queued.get()[1] : "";
            TrialState mapped = SlurmStates.of(state);
            if (mapped != null) {
                return new TrialObservation(mapped, node, "job " + handle.id() + " " + state);
            }
            return ExitRecords.ended(attempt.exitFile(), node, "job " + handle.id() + " " + state);
        }

        @Override
        public Optional<TrialHandle> find(TrialAttempt attempt) throws IOException {
            Commands.Output out = Commands.run(List.of("squeue", "-h", "--states=all", "-n", jobName(attempt),
                    "-o", "%i"));
            return out.exitCode() != 0 ? Optional.empty() : out.text().lines().map(String::trim)
                    .filter(l -> !l.isEmpty()).findFirst().map(id -> new TrialHandle(id, jobName(attempt)));
        }

        /** State and node of the job while squeue still knows it. */
        private Optional<String[]> squeue(String id) throws IOException {
            Commands.Output out = Commands.run(List.of("squeue", "-h", "--states=all", "-j", id, "-o", "%T|%N"));
            if (out.exitCode() != 0 || out.text().isBlank()) {
                return Optional.empty(); // "Invalid job id specified": ended and purged
            }
            return Optional.of(out.text().lines().findFirst().orElseThrow().split("\\|", -1));
        }

        /** State and node from accounting, where there is accounting. */
        private Optional<String[]> sacct(String id) throws IOException {
            if (Boolean.FALSE.equals(accounting) || !Commands.onPath("sacct")) {
                return Optional.empty();
            }
            Commands.Output out = Commands.run(List.of("sacct", "-n", "-X", "-P", "-j", id, "-o", "State,NodeList"));
            accounting = out.exitCode() == 0 && !out.text().contains("accounting storage is disabled");
            if (!accounting || out.text().isBlank()) {
                return Optional.empty();
            }
            return Optional.of(out.text().lines().findFirst().orElseThrow().split("\\|", -1));
        }

        @Override
        public void cancel(TrialHandle handle) throws IOException {
            Commands.run(List.of("scancel", handle.id()));
        }
    }
}
