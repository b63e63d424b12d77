package org.istanas.api;

/**
 * The caller asked for something that cannot exist: an unknown preset, strategy, solver, dataset or genotype name, a
 * required option left out, or a size beyond its bound. The command line reports it as a usage error (exit code 2)
 * with the message, which names the option or value and what is expected.
 */
public class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    /** A value rejected where it was first used (e.g. a size the data cannot provide), reported as a usage error. */
    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
