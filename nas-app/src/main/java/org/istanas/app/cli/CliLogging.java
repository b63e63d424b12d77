package org.istanas.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Logging of the command-line application: concise messages on stderr, and the start-up chatter of the numeric
 * backend (ND4J, DL4J, JavaCPP, OSHI) kept away from the terminal unless {@code --verbose} is given.
 * {@code logback.xml} holds the defaults; this class routes java.util.logging and JavaCPP's own logger through
 * SLF4J and raises levels for {@code --verbose}.
 */
public final class CliLogging {
    /** Loggers of third-party libraries that print start-up noise. */
    static final String[] NOISY = {"org.nd4j", "org.deeplearning4j", "org.bytedeco", "oshi", "com.google.ortools"};

    private static volatile boolean verbose;

    private CliLogging() {
    }

    /** Whether the last {@link #configure} asked for {@code --verbose}. */
    public static boolean verbose() {
        return verbose;
    }

    public static void configure(boolean verbose) {
        CliLogging.verbose = verbose;
        // JavaCPP prints to stderr itself unless told to use SLF4J; must be set before its first use.
        if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
            System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        }
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.getLogger("org.istanas").setLevel(verbose ? Level.DEBUG : Level.INFO);
        for (String name : NOISY) {
            context.getLogger(name).setLevel(verbose ? Level.INFO : Level.WARN);
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(verbose ? Level.INFO : Level.WARN);
    }
}
