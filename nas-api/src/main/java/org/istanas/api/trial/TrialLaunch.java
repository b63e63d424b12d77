package org.istanas.api.trial;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start the {@code istanas} command line in a new process: the Java executable, the JVM options, the class
 * path and main class (by default those of the driver's JVM, which the launcher {@code ./istanas} chose), and the
 * environment variables to set. Local and Slurm trials run the same shell script built from it.
 *
 * @param java        the Java executable
 * @param jvmOptions  JVM options (heap, native memory bounds, platform extension)
 * @param classPath   the class path
 * @param mainClass   the main class
 * @param environment environment variables the script exports
 * @param workingDirectory the directory the script changes to (relative paths of the experiment resolve there)
 */
public record TrialLaunch(String java, List<String> jvmOptions, String classPath, String mainClass,
                          Map<String, String> environment, String workingDirectory) {
    public TrialLaunch {
        Objects.requireNonNull(java, "java is null");
        jvmOptions = List.copyOf(jvmOptions);
        Objects.requireNonNull(classPath, "classPath is null");
        Objects.requireNonNull(mainClass, "mainClass is null");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDirectory, "workingDirectory is null");
    }

    /** The command line running {@code arguments}, with {@code extraJvmOptions} after the usual ones. */
    public List<String> command(List<String> extraJvmOptions, List<String> arguments) {
        List<String> line = new ArrayList<>();
        line.add(java);
        line.addAll(jvmOptions);
        line.addAll(extraJvmOptions);
        line.add("-cp");
        line.add(classPath);
        line.add(mainClass);
        line.addAll(arguments);
        return line;
    }

    /**
     * A bash script that runs the command and records its exit code in {@code attempt.exitFile()} when it ends by
     * itself (a job killed from outside records nothing, which is how a retry is told from a failure).
     *
     * @param header lines after the shebang, e.g. {@code #SBATCH} directives
     */
    public byte[] script(List<String> header, List<String> extraJvmOptions, TrialAttempt attempt) {
        StringBuilder s = new StringBuilder("#!/usr/bin/env bash\n");
        header.forEach(line -> s.append(line).append('\n'));
        s.append("# istanas trial ").append(attempt.trialId()).append(", attempt ").append(attempt.number())
                .append("; written by the experiment driver, can be rerun by hand\n");
        s.append("cd ").append(quote(workingDirectory)).append(" || exit 1\n");
        new java.util.TreeMap<>(environment).forEach((k, v) -> s.append("export ").append(k).append('=')
                .append(quote(v)).append('\n'));
        s.append("rm -f ").append(quote(attempt.exitFile().toString())).append('\n');
        List<String> command = command(extraJvmOptions, attempt.arguments());
        for (int i = 0; i < command.size(); i++) {
            s.append(i == 0 ? "" : " \\\n    ").append(quote(command.get(i)));
        }
        s.append("\ncode=$?\n");
        String exit = attempt.exitFile().toString();
        s.append("printf '%s\\n' \"$code\" > ").append(quote(exit + ".tmp")).append(" && mv -f ")
                .append(quote(exit + ".tmp")).append(' ').append(quote(exit)).append('\n');
        s.append("exit \"$code\"\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Single-quotes a word for bash. */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
