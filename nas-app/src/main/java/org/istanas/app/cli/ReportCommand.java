package org.istanas.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.istanas.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code istanas report --run DIR}: writes (or rewrites) a run folder's report.html from its files alone. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write DIR/report.html (and DIR/plots/*.png, *.svg) from the files of a search, evaluation or "
                + "experiment folder alone: curves, cells, how the architecture evolved, configuration, provenance. "
                + "Works on old folders and on runs still going; searches and evaluations also refresh it after "
                + "every epoch.",
        footer = {"", "Example: istanas report --run runs/two-stage-20261202-031200-s2"})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "DIR", required = true,
            description = "A search, evaluation or experiment folder.")
    Path run;

    @Override
    public Integer call() throws Exception {
        Path file = RunReport.write(run);
        PrintWriter out = spec.commandLine().getOut();
        out.println(file.toAbsolutePath());
        out.flush();
        return 0;
    }
}
