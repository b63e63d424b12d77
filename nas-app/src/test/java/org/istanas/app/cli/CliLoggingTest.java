package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

final class CliLoggingTest {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void quiet() {
        CliLogging.configure(false);
    }

    @Test
    void backendNoiseStaysBelowTheTerminalUnlessVerbose() {
        CliLogging.configure(false);
        for (String noisy : CliLogging.NOISY) {
            assertThat(context.getLogger(noisy + ".linalg.factory.Nd4jBackend").isInfoEnabled()).as(noisy).isFalse();
            assertThat(context.getLogger(noisy).isWarnEnabled()).as(noisy).isTrue();
        }
        assertThat(context.getLogger("org.istanas.search").isInfoEnabled()).isTrue();
        assertThat(context.getLogger("org.istanas.search").isDebugEnabled()).isFalse();
        assertThat(System.getProperty("org.bytedeco.javacpp.logger")).isEqualTo("slf4j");
        assertThat(SLF4JBridgeHandler.isInstalled()).isTrue();

        CliLogging.configure(true);
        assertThat(context.getLogger("org.nd4j.linalg.factory.Nd4jBackend").isInfoEnabled()).isTrue();
        assertThat(context.getLogger("org.istanas.search").getEffectiveLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void javaUtilLoggingIsRoutedThroughSlf4j() {
        CliLogging.configure(false);
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("org.nd4j.SomeJulUser");
        // LevelChangePropagator mirrors logback's WARN into JUL, so INFO records are dropped before formatting.
        assertThat(jul.isLoggable(java.util.logging.Level.INFO)).isFalse();
        assertThat(jul.isLoggable(java.util.logging.Level.WARNING)).isTrue();
    }
}
