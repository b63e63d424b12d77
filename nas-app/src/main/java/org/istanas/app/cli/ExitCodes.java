package org.istanas.app.cli;

import org.istanas.api.UsageException;
import org.istanas.api.config.ConfigException;
import picocli.CommandLine;

/**
 * The one exit-code rule of every command: 0 success; 2 when the command line asks for something impossible
 * (options picocli rejects, an unknown preset/strategy/solver/dataset/genotype name, a {@code --set} or config-file
 * value the configuration rejects, a size beyond its bound); 1 for every failure while reading data or files,
 * running or writing.
 */
public final class ExitCodes {
    public static final int SUCCESS = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private ExitCodes() {
    }

    /** The exit code of a command that ended with {@code error}. */
    public static int of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CommandLine.ParameterException || t instanceof UsageException
                    || t instanceof ConfigException) {
                return USAGE;
            }
            if (!(t instanceof IllegalArgumentException) && !(t instanceof CommandLine.ExecutionException)) {
                return FAILURE; // a usage error deep inside an I/O failure is still a failure
            }
        }
        return FAILURE;
    }
}
