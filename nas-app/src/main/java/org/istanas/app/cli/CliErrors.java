package org.istanas.app.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.istanas.api.config.ConfigException;
import org.istanas.api.run.OutOfMemoryException;
import org.istanas.app.plugin.PluginLoadException;
import picocli.CommandLine;

/**
 * How the CLI reports problems: one line on stderr starting with {@code istanas:}, exit code 2 for usage errors
 * and 1 for failures, and a stack trace only with {@code --verbose} (or a hint to use it for unexpected errors).
 */
public final class CliErrors {
    public static final int FAILURE = CommandLine.ExitCode.SOFTWARE;
    public static final int USAGE = CommandLine.ExitCode.USAGE;

    private CliErrors() {
    }

    /** Reports a failure and returns its exit code by the one rule of {@link ExitCodes}. */
    public static int report(Throwable error, PrintWriter err, boolean verbose) {
        err.println("istanas: " + message(error));
        if (verbose) {
            error.printStackTrace(err);
        } else if (!expected(error)) {
            err.println("(run with --verbose for the stack trace)");
        }
        err.flush();
        return ExitCodes.of(error);
    }

    static CommandLine.IExecutionExceptionHandler executionHandler(boolean verbose) {
        return (error, commandLine, parseResult) -> report(error, commandLine.getErr(), verbose);
    }

    static CommandLine.IParameterExceptionHandler parameterHandler() {
        return (error, args) -> {
            CommandLine commandLine = error.getCommandLine();
            PrintWriter err = commandLine.getErr();
            err.println("istanas: " + error.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
            err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return USAGE;
        };
    }

    /** Errors whose message says all a user needs; anything else is a bug and gets its type shown. */
    private static boolean expected(Throwable error) {
        return error instanceof IllegalArgumentException || error instanceof OutOfMemoryError || error instanceof IllegalStateException
                || error instanceof ConfigException || error instanceof PluginLoadException
                || error instanceof java.io.IOException || error instanceof UncheckedIOException;
    }

    private static String message(Throwable error) {
        if (error instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile() + (e.getReason() == null ? "" : " (" + e.getReason() + ")");
        }
        if (error instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (error instanceof OutOfMemoryError) {
            return "out of " + OutOfMemoryException.whatRanOut(error) + ". Lower the batch size (--set batchSize=...)"
                    + " or the channels (--set channels=...), or give ND4J more memory with ISTANAS_JAVA_OPTS";
        }
        if (error instanceof UncheckedIOException e && e.getMessage() == null) {
            return message(e.getCause());
        }
        String message = error.getMessage();
        if (!expected(error) || message == null || message.isBlank()) {
            return "internal error: " + error;
        }
        return message;
    }
}
