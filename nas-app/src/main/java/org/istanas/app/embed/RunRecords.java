package org.istanas.app.embed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.istanas.api.Named;
import org.istanas.api.config.ConfigWriter;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.run.AtomicFiles;
import org.istanas.api.run.Provenance;
import org.istanas.api.run.ProvenanceFiles;
import org.istanas.api.run.RunFolder;
import org.istanas.api.run.Seeds;

/** Writes the config.yaml and provenance.json every run folder starts with. */
final class RunRecords {
    /** Streams whose derived seeds provenance.json lists. */
    private static final List<String> STREAMS = List.of("weights", "split", "train-order", "valid-order", "b-init",
            "alpha-init");

    private RunRecords() {
    }

    static void write(RunFolder folder, Record config, Map<String, String> invocation, long seed,
                      DatasetChoice datasetChoice, ImageDataset dataset, List<Provenance.PluginSource> plugins,
                      String backend) throws IOException {
        AtomicFiles.write(folder.config(), ConfigWriter.toYaml(config));
        Map<String, Long> seeds = new LinkedHashMap<>();
        seeds.put("base", seed);
        for (String stream : STREAMS) {
            seeds.put(stream, Seeds.derive(seed, stream));
        }
        ProvenanceFiles.write(folder.provenance(), new Provenance("istanas", ProvenanceFiles.version(),
                ProvenanceFiles.gitCommit(), ProvenanceFiles.now(), invocation, seeds, datasetChoice.describe(dataset),
                plugins, backend, ProvenanceFiles.runtime()));
    }

    static List<Provenance.PluginSource> plugins(Map<String, Named> named, List<CandidateOperation> operations) {
        List<Provenance.PluginSource> plugins = new ArrayList<>();
        named.forEach((kind, n) -> plugins.add(Provenance.PluginSource.of(kind, n)));
        operations.forEach(op -> plugins.add(Provenance.PluginSource.of("operation", op)));
        return plugins;
    }

    static Path defaultParent() {
        return Path.of("runs");
    }
}
