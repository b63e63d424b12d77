package org.istanas.app.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.istanas.app.embed.Istanas;
import org.istanas.api.network.DilatedConvolutions;
import org.istanas.api.network.ExportFormat;
import org.istanas.api.network.ExportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code istanas export}: a trained network as a DeepLearning4J model file. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Export the trained network of an evaluation folder or a one-stage run (its folded network) "
                + "as a DeepLearning4J 1.0.0-M2.1 model file, in inference mode, with a sidecar JSON (input shape, "
                + "normalisation, class names). See docs/embedding.md for loading it.")
public final class ExportCommand implements Callable<Integer> {
    private final Istanas istanas;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "DIR", required = true,
            description = "Evaluation run folder (holding model.bin) or one-stage run folder (holding model/).")
    Path run;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "samediff",
            description = "samediff (default; SameDiff.load) or computation-graph.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Model file to write, e.g. model.zip; the metadata goes to the same name with .json.")
    Path out;

    @Option(names = "--with-aux", description = "Also export the auxiliary head (second output aux_logits).")
    boolean withAux;

    @Option(names = "--dilated", paramLabel = "MODE", defaultValue = "rewrite",
            description = "Dilated convolutions: rewrite (default; space-to-batch, runs on oneDNN), expanded-kernel"
                    + " (zero-filled larger kernel) or native (dilated op; backends without oneDNN only).")
    String dilated;

    @Inject
    public ExportCommand(Istanas istanas) {
        this.istanas = Objects.requireNonNull(istanas, "istanas is null");
    }

    private DilatedConvolutions dilatedMode() {
        return switch (dilated.toLowerCase(Locale.ROOT)) {
            case "rewrite" -> DilatedConvolutions.REWRITE;
            case "expanded-kernel" -> DilatedConvolutions.EXPANDED_KERNEL;
            case "native" -> DilatedConvolutions.NATIVE;
            default -> throw new ParameterException(spec.commandLine(), "--dilated must be rewrite, expanded-kernel"
                    + " or native, got '" + dilated + "'");
        };
    }

    @Override
    public Integer call() throws Exception {
        ExportFormat exportFormat;
        try {
            exportFormat = ExportFormat.fromName(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        DilatedConvolutions mode = dilatedMode();
        ExportResult r = istanas.exportModel(run).format(exportFormat).withAuxiliary(withAux).dilated(mode).to(out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "wrote %s (%s, %,d bytes) and %s%n", r.model(), exportFormat.cliName(), r.modelBytes(),
                r.metadata());
        w.printf(Locale.ROOT, "self-check on this backend: max |logit difference| to the engine %.3g%n",
                r.maxAbsLogitDiff());
        w.flush();
        return 0;
    }
}
