package org.istanas.solvers.cli;

/** Bad user input for {@code istanas recover}; the message names the file or option and what was expected. */
public final class InputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }
}
