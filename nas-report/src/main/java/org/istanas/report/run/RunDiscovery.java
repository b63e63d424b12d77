package org.istanas.report.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the run folders inside a folder of runs (an experiment, a {@code --runs N} folder, an ablation): every
 * sub-folder with a provenance.json, up to {@link #DEPTH} levels down, not looking inside a run folder.
 */
public final class RunDiscovery {
    public static final int DEPTH = 4;

    private RunDiscovery() {
    }

    /** The run folders under {@code folder} in path order ({@code folder} itself if it is a run). */
    public static List<Path> runs(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        collect(folder, 0, out);
        return out;
    }

    private static void collect(Path folder, int depth, List<Path> out) throws IOException {
        if (RunData.isRun(folder)) {
            out.add(folder);
            return;
        }
        if (depth >= DEPTH) {
            return;
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(folder)) {
            children = list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(RunDiscovery::naturalOrder).toList();
        }
        for (Path child : children) {
            collect(child, depth + 1, out);
        }
    }

    /** run-2 before run-10. */
    static int naturalOrder(Path a, Path b) {
        String x = a.getFileName().toString();
        String y = b.getFileName().toString();
        String px = x.replaceAll("\\d+$", "");
        String py = y.replaceAll("\\d+$", "");
        if (px.equals(py) && !px.equals(x) && !py.equals(y)) {
            return Long.compare(Long.parseLong(x.substring(px.length())), Long.parseLong(y.substring(py.length())));
        }
        return x.compareTo(y);
    }
}
