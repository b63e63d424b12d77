package org.istanas.app.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.istanas.api.run.Provenance;
import org.istanas.api.run.ProvenanceFiles;
import org.istanas.api.run.RunFolder;

/**
 * The dataset recorded for the run that wrote a genotype file: {@code provenance.json} next to it (a search or an
 * evaluation run folder), or that of its first run for the parent of {@code search --runs N} (which holds the best
 * run's genotype.json beside {@code run-<i>/}). An evaluation of such a file reads this dataset unless it is told
 * otherwise, so that a genotype found on CIFAR-10 is not silently retrained on the synthetic default.
 *
 * @param name       dataset provider name
 * @param dataDir    its data directory, or null
 * @param options    provider options as the run gave them
 * @param provenance the provenance.json it was read from
 */
public record RecordedDataset(String name, Path dataDir, Map<String, String> options, Path provenance) {
    public RecordedDataset {
        Objects.requireNonNull(name, "name is null");
        options = Map.copyOf(options);
        Objects.requireNonNull(provenance, "provenance is null");
    }

    /** The dataset of the run that holds {@code genotypeFile}; empty for a file outside any run folder. */
    public static Optional<RecordedDataset> of(Path genotypeFile) throws IOException {
        Path folder = genotypeFile.toAbsolutePath().getParent();
        if (folder == null) {
            return Optional.empty();
        }
        Path file = folder.resolve(RunFolder.PROVENANCE);
        if (!Files.isRegularFile(file)) {
            try (Stream<Path> runs = Files.list(folder)) {
                Optional<Path> first = runs.filter(p -> p.getFileName().toString().matches("run-\\d+"))
                        .sorted().map(p -> p.resolve(RunFolder.PROVENANCE)).filter(Files::isRegularFile).findFirst();
                if (first.isEmpty()) {
                    return Optional.empty();
                }
                file = first.get();
            }
        }
        Provenance provenance = ProvenanceFiles.read(file);
        Map<String, String> inv = provenance.invocation();
        String name = inv.get("dataset");
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(new RecordedDataset(name, inv.containsKey("dataDir") ? Path.of(inv.get("dataDir")) : null,
                DatasetChoice.parseOptions(inv.get("datasetOptions")), file));
    }

    /** {@code name}, and {@code in DIR} when it has a data directory. */
    public String describe() {
        return name + (dataDir == null ? "" : " in " + dataDir);
    }
}
