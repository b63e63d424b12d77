package org.istanas.app.embed;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.istanas.api.config.ConfigWriter;
import org.istanas.api.run.AtomicFiles;
import org.istanas.api.run.Checkpoint;
import org.istanas.api.run.CheckpointStore;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.Provenance;
import org.istanas.api.run.ProvenanceFiles;
import org.istanas.api.run.RunFolder;

/**
 * Writes a {@code resume --set} change into the run folder before the run continues: config.yaml gets the new values
 * (so a later resume keeps them) and provenance.json a {@link Provenance.SettingsChange} naming the old and new
 * values and the first epoch and batch trained with them.
 */
final class SettingsChanges {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SettingsChanges() {
    }

    static void record(RunFolder folder, Provenance provenance, Record recorded, Record changed,
                       List<String> keys, ProgressListener listener) throws IOException {
        if (keys.isEmpty()) {
            return;
        }
        Map<String, Object> before = JSON.convertValue(recorded, new TypeReference<Map<String, Object>>() {
        });
        Map<String, Object> after = JSON.convertValue(changed, new TypeReference<Map<String, Object>>() {
        });
        Map<String, Object> set = new LinkedHashMap<>();
        Map<String, Object> was = new LinkedHashMap<>();
        for (String key : keys) {
            set.put(key, after.get(key));
            was.put(key, before.get(key));
        }
        Optional<Checkpoint> latest = new CheckpointStore(folder.checkpoints(), 1).latest();
        int epoch = latest.map(Checkpoint::epoch).orElse(0);
        int step = latest.map(Checkpoint::step).orElse(0);
        AtomicFiles.write(folder.config(), ConfigWriter.toYaml(changed));
        ProvenanceFiles.write(folder.provenance(), provenance.withChange(new Provenance.SettingsChange(
                ProvenanceFiles.now(), epoch + 1, step + 1, set, was)));
        listener.message("changed " + was + " to " + set + " from epoch " + (epoch + 1) + " batch " + (step + 1)
                + " (recorded in " + folder.provenance().getFileName() + ")");
    }
}
