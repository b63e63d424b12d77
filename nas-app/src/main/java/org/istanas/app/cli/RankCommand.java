package org.istanas.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.istanas.metrics.cli.RankOptions;
import org.istanas.metrics.cli.RankTool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code istanas rank}: rank correlation of two numeric CSV columns. Only maps options; the work is done by
 * {@link RankTool} in nas-metrics.
 */
@Command(name = "rank", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Rank correlation of two numeric columns of a CSV file: Kendall's tau-a or tau-b or "
                + "Spearman's rho, with p-value, optional bootstrap confidence interval and top-k agreement.",
                "Rows with a missing or non-numeric value in either column are skipped and counted."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the statistic was printed", "2:bad options or unusable input (message on stderr)"})
public final class RankCommand implements Callable<Integer> {

    @Option(names = "--csv", required = true, paramLabel = "FILE",
            description = "CSV file with a header row (tab-separated if it ends in .tsv).")
    private Path csv;

    @Option(names = "--x", required = true, paramLabel = "COL", description = "Column of the first score.")
    private String x;

    @Option(names = "--y", required = true, paramLabel = "COL", description = "Column of the second score.")
    private String y;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = RankOptions.DEFAULT_METHOD,
            description = "kendall-a, kendall-b or spearman (default: ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--top-k", paramLabel = "K",
            description = "Also report top-K overlap and precision@K (larger values are better).")
    private Integer topK;

    @Option(names = "--bootstrap", paramLabel = "N",
            description = "Also report a percentile bootstrap confidence interval from N resamples.")
    private Integer bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = RankOptions.DEFAULT_SEED,
            description = "Seed of the bootstrap resampling (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--ci-level", paramLabel = "LEVEL", defaultValue = RankOptions.DEFAULT_CI_LEVEL,
            description = "Confidence level of the bootstrap interval (default: ${DEFAULT-VALUE}).")
    private double ciLevel;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        RankOptions options;
        try {
            options = new RankOptions(csv, x, y, method, topK, bootstrap, seed, ciLevel, json);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(RankTool.PREFIX + e.getMessage());
            return RankTool.INPUT_ERROR;
        }
        return new RankTool().run(options, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
