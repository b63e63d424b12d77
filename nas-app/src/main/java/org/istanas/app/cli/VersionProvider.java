package org.istanas.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code --version}: the istanas version and the native backend it was built for, read from the
 * {@code version.properties} resource that Maven generates at build time, plus the running JVM.
 */
public final class VersionProvider implements CommandLine.IVersionProvider {
    static final String RESOURCE = "/org/istanas/app/version.properties";

    @Override
    public String[] getVersion() throws IOException {
        Properties properties = load();
        return new String[] {
            "istanas " + properties.getProperty("version", "unknown"),
            "ND4J " + properties.getProperty("nd4j.version", "unknown") + " (native build "
                    + properties.getProperty("nd4j.platform", "?") + properties.getProperty("nd4j.extension", "")
                    + ")",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        };
    }

    static Properties load() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("version resource " + RESOURCE + " is missing from the build");
            }
            properties.load(in);
        }
        return properties;
    }
}
