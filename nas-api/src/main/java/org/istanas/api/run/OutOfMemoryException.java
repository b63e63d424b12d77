package org.istanas.api.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Training ran out of memory. Carries one line for the user: which memory ran out (ND4J's off-heap limit, the
 * machine, or the Java heap) with the numbers the runtime reported, the network and batch sizes that needed it,
 * what to lower, and that the run folder keeps its last checkpoint.
 */
public final class OutOfMemoryException extends IllegalStateException {
    private static final Pattern LIMIT = Pattern.compile(
            "(physicalBytes \\([^)]*\\) > maxPhysicalBytes \\([^)]*\\)"
                    + "|totalBytes \\([^)]*\\) \\+ size \\([^)]*\\) > maxBytes \\([^)]*\\))");

    public OutOfMemoryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The {@link OutOfMemoryError} behind {@code error} (itself or a cause), or null. */
    public static OutOfMemoryError find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return oom;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** What ran out, from the messages of {@code error} and its causes (JavaCPP's limits or the Java heap). */
    public static String whatRanOut(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            Matcher m = LIMIT.matcher(message);
            if (m.find()) {
                return "off-heap (native) memory: " + m.group(1);
            }
            if (message.contains("Java heap space") || message.contains("GC overhead")) {
                return "the Java heap (" + message + ")";
            }
        }
        return "memory (" + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()) + ")";
    }

    /**
     * @param sizes  what needed the memory, e.g. "a 20-cell x 36-channel network at batch 96"
     * @param folder the run folder (its last checkpoint is intact), or null
     */
    public static OutOfMemoryException of(Throwable error, String sizes, RunFolder folder) {
        String resume = folder == null ? ""
                : "; the run folder " + folder.root() + " keeps its last checkpoint: continue with"
                        + " 'istanas resume --run " + folder.root() + "'";
        return new OutOfMemoryException("out of " + whatRanOut(error) + " while training " + sizes
                + ". Lower the batch size (--set batchSize=...) or the channels (--set channels=...), or give ND4J"
                + " more with ISTANAS_JAVA_OPTS=\"-Dorg.bytedeco.javacpp.maxphysicalbytes=..G"
                + " -Dorg.bytedeco.javacpp.maxbytes=..G\"" + resume, error);
    }
}
