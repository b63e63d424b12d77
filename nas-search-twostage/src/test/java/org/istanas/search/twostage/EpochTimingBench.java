package org.istanas.search.twostage;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.istanas.api.config.ConfigLoader;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.istanas.data.pipeline.Augmentation;
import org.istanas.data.pipeline.BatchLoader;
import org.istanas.data.synthetic.SyntheticProvider;
import org.istanas.ops.OpsPlugin;
import org.istanas.api.network.NetworkEngine;
import org.istanas.solvers.ista.FistaSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a unit test: measures the time per search epoch of the {@code paper} and {@code cpu} presets by timing a few
 * steps and validation batches and extrapolating to a full epoch. Run with
 * {@code mvn -pl nas-search-twostage -am verify -Dtest=EpochTimingBench -Distanas.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (output in target/surefire-reports/...-output.txt).
 */
final class EpochTimingBench {
    @Test
    @EnabledIfSystemProperty(named = "istanas.bench", matches = "true")
    void timePerEpoch() throws IOException {
        NetworkEngine engine = TestRig.engine();
        System.out.println("engine: " + engine.describe());
        String presets = System.getProperty("istanas.bench.presets", "cpu,paper");
        int steps = Integer.getInteger("istanas.bench.steps", 3);
        for (String preset : presets.split(",")) {
            measure(engine, preset, steps);
        }
    }

    private static void measure(NetworkEngine engine, String preset, int steps) throws IOException {
        TwoStageConfig config = ConfigLoader.load(TwoStageConfig.class, new TwoStageStrategy().preset(preset), null,
                List.of());
        int used = config.trainImages() == 0 ? 50_000 : config.trainImages();
        // synthetic 3x32x32 images stand in for CIFAR-10: same shape, so the same cost per image
        int generate = Math.min(used, steps * config.batchSize() * 2 + config.batchSize() * 2);
        ImageDataset data = new SyntheticProvider().open(new DatasetRequest(null, 0, 0,
                Map.of("trainSize", Integer.toString(generate), "testSize", "10")));
        TwoStageConfig timed = ConfigLoader.load(TwoStageConfig.class, new TwoStageStrategy().preset(preset), null,
                List.of("trainImages=0"));
        try (TwoStageJob job = new TwoStageJob(timed, data, new OpsPlugin().operations(), new FistaSolver(), engine, 1)) {
            job.startEpoch(0, 0);
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long t0 = System.nanoTime();
            job.step(0, 0);
            double first = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            long cpu0 = os.getProcessCpuTime();
            int timedSteps = Math.min(steps, job.stepsPerEpoch() - 1);
            for (int k = 1; k <= timedSteps; k++) {
                job.step(0, k);
            }
            double perStep = (System.nanoTime() - t0) / 1e9 / timedSteps;
            double cpuPerStep = (os.getProcessCpuTime() - cpu0) / 1e9 / timedSteps;
            double perEvalBatch;
            try (BatchLoader eval = BatchLoader.over(data.train(), data.mean(), data.std())
                    .batchSize(config.batchSize()).augmentation(Augmentation.none()).build()) {
                t0 = System.nanoTime();
                int n = 0;
                while (eval.hasNext() && n < 2) {
                    job.network().evaluate(eval.next());
                    n++;
                }
                perEvalBatch = (System.nanoTime() - t0) / 1e9 / n;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            int trainHalf = (int) (used * config.trainPortion());
            int stepsPerEpoch = (trainHalf + config.batchSize() - 1) / config.batchSize();
            int evalBatches = (used - trainHalf + config.batchSize() - 1) / config.batchSize();
            double epoch = stepsPerEpoch * perStep + evalBatches * perEvalBatch;
            System.out.printf(Locale.ROOT, "preset %s: %.2f CPU-seconds per step (all threads); load average %.1f%n",
                    preset, cpuPerStep, os.getSystemLoadAverage());
            System.out.printf(Locale.ROOT, "preset %s: %d cells x %d ch, batch %d, %d images -> %d steps/epoch; first step"
                            + " %.1f s, then %.2f s/step (arch + weight, mean of %d), eval %.2f s/batch; extrapolated"
                            + " epoch %.1f min, run of %d epochs %.1f h%n", preset, config.layers(), config.channels(),
                    config.batchSize(), used, stepsPerEpoch, first, perStep, timedSteps, perEvalBatch, epoch / 60,
                    config.epochs(), epoch * config.epochs() / 3600);
        }
    }
}
