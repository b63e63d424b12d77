package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 item 13: divergence advice said "resume with changed settings", and resume could change none. */
final class ResumeSetTest {
    @TempDir
    Path dir;

    private Path finishedSmokeSearch() {
        Path out = dir.resolve("run");
        MainTest.Result r = MainTest.run("search", "--preset", "smoke", "--dataset", "synthetic", "--seed", "2",
                "--set", "epochs=1", "--set", "trainImages=64", "--set", "batchSize=16", "--out", out.toString(),
                "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return out;
    }

    @Test
    void resumeSetChangesAllowedKeysFromTheCheckpointOnAndRecordsIt() throws Exception {
        Path out = finishedSmokeSearch();
        // the one-epoch run is extended to three epochs at a tenth of the learning rate
        MainTest.Result r = MainTest.run("resume", "--run", out.toString(), "--set", "epochs=3", "--set",
                "learningRate=0.01", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("metrics.csv"));
        assertThat(lines.get(0)).startsWith("epoch,lr,");
        assertThat(lines).hasSize(4);
        // the official timing (scheduler steps first): epoch e of E trains at lr(e) = max (1 + cos(pi e / E)) / 2
        // with floor 0; the 1-epoch run trained at lr(1 of 1) = 0, the resumed epoch 2 at 0.01 (1 + cos(2 pi / 3)) / 2
        assertThat(Double.parseDouble(lines.get(1).split(",")[1])).isEqualTo(0.0);
        assertThat(Double.parseDouble(lines.get(2).split(",")[1])).isCloseTo(0.0025,
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(Files.readString(out.resolve("config.yaml"))).contains("epochs: 3").contains("learningRate: 0.01");
        JsonNode change = new ObjectMapper().readTree(out.resolve("provenance.json").toFile()).get("changes").get(0);
        assertThat(change.get("fromEpoch").asInt()).isEqualTo(2);
        assertThat(change.get("fromBatch").asInt()).isEqualTo(1);
        assertThat(change.at("/set/learningRate").asDouble()).isEqualTo(0.01);
        assertThat(change.at("/was/learningRate").asDouble()).isEqualTo(0.1);
        assertThat(change.at("/was/epochs").asInt()).isEqualTo(1);
    }

    @Test
    void keysThatShapeTheRunAreRefusedAndTheFolderIsUntouched() throws Exception {
        Path out = finishedSmokeSearch();
        String config = Files.readString(out.resolve("config.yaml"));
        String provenance = Files.readString(out.resolve("provenance.json"));
        MainTest.Result r = MainTest.run("resume", "--run", out.toString(), "--set", "layers=5");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("resume --set layers: layers cannot change in the middle of a run")
                .contains("keys that may change: [learningRate, learningRateMin, archLearningRate, gradClip");
        MainTest.Result unknown = MainTest.run("resume", "--run", out.toString(), "--set", "lerningRate=0.1");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("lerningRate");
        assertThat(Files.readString(out.resolve("config.yaml"))).isEqualTo(config);
        assertThat(Files.readString(out.resolve("provenance.json"))).isEqualTo(provenance);
    }
}
