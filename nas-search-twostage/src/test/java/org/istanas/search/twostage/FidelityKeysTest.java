package org.istanas.search.twostage;

import org.istanas.search.toolkit.CodeLayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.istanas.api.config.ConfigLoader;
import org.istanas.api.genotype.GenotypeEdge;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SparseSolver;
import org.istanas.ops.OpsPlugin;
import org.istanas.api.network.DenseSearchNetwork;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.OneStageNetwork;
import org.istanas.api.network.Optimizer;
import org.istanas.api.network.ParameterGroup;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.SparseSearchNetwork;
import org.istanas.api.network.TargetNetwork;
import org.istanas.api.network.TargetNetworkSpec;
import org.istanas.search.toolkit.training.CosineSchedule;
import org.istanas.search.toolkit.training.EpochResult;
import org.istanas.search.toolkit.training.EpochTotals;
import org.istanas.solvers.ista.FistaSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: each two-stage / DARTS key that follows the released code (iboing/ISTA-NAS, quark0/darts) changes what
 * the job does, shown on real jobs over the ND4J engine and a tiny synthetic dataset.
 */
final class FidelityKeysTest {
    @TempDir
    Path dir;

    private static TwoStageConfig twoStage(String... overrides) {
        List<String> all = new ArrayList<>(TestRig.TINY);
        all.addAll(List.of(overrides));
        return ConfigLoader.load(TwoStageConfig.class, TwoStageStrategy.PRESETS.get("smoke", "two-stage"), null, all);
    }

    private static DartsConfig darts(String... overrides) {
        List<String> all = new ArrayList<>(TestRig.TINY);
        all.addAll(List.of(overrides));
        return ConfigLoader.load(DartsConfig.class, DartsStrategy.PRESETS.get("smoke", "darts"), null, all);
    }

    private static List<Double> lrColumn(Path folder) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve(RunFolder.METRICS));
        int lr = List.of(lines.get(0).split(",")).indexOf("lr");
        return lines.subList(1, lines.size()).stream().map(l -> Double.parseDouble(l.split(",")[lr])).toList();
    }

    /** The official loops call scheduler.step() first in each epoch (PyTorch 1.x): epoch e trains at lr(e+1). */
    @Test
    void schedulerStepsFirstShiftsTheCosineByOneEpoch() throws IOException {
        // 2 epochs, 0.1 -> 0.001: lr(0) = 0.1, lr(1) = 0.0505, lr(2) = 0.001
        for (boolean first : new boolean[] {true, false}) {
            List<String> set = List.of("learningRate=0.1", "learningRateMin=0.001", "schedulerStepsFirst=" + first,
                    "checkpointEverySteps=0");
            Path two = dir.resolve("two-" + first);
            new TwoStageStrategy().search(TestRig.context(new TwoStageStrategy(), concat(TestRig.TINY, set),
                    RunFolder.create(two), 3, TestRig.engine(), ProgressListener.NONE));
            List<Double> expected = first ? List.of(0.0505, 0.001) : List.of(0.1, 0.0505);
            assertThat(lrColumn(two)).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-7 ? 0 : 1)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(CosineSchedule.of(0.2, 0, 50, true).at(49)).isEqualTo(0.0);
        assertThat(CosineSchedule.of(0.2, 0, 50, false).at(0)).isEqualTo(0.2);
        assertThat(TwoStageConfig.defaults().schedulerStepsFirst()).isTrue();
        assertThat(DartsConfig.defaults().schedulerStepsFirst()).isTrue();
    }

    /** ista_nas/search/inner_trainer.py: clip_grad_norm_(model.parameters()) includes the registered b. */
    @Test
    void twoStageClipNormIncludesBOnlyWhenAsked() throws IOException {
        for (boolean withB : new boolean[] {true, false}) {
            RecordingEngine engine = new RecordingEngine();
            try (TwoStageJob job = new TwoStageJob(twoStage("clipArchitectureGradients=" + withB), TestRig.dataset(),
                    new OpsPlugin().operations(), new FistaSolver(), engine, 3)) {
                job.startEpoch(0, 0);
                job.step(0, 0);
                long weights = job.network().weights().size();
                long b = job.network().architecture().size();
                assertThat(engine.lastClippedSize).isEqualTo(withB ? weights + b : weights);
            }
        }
    }

    /** The keys reach the engine: SGD that keeps updating ops that left the support, BN placement in the cells. */
    @Test
    void optimizerAndCellKeysReachTheEngine() throws IOException {
        for (boolean official : new boolean[] {true, false}) {
            RecordingEngine engine = new RecordingEngine();
            try (TwoStageJob job = new TwoStageJob(twoStage("updateOpsOutsideSupport=" + official,
                    "bnAfterReduceSkip=" + !official), TestRig.dataset(), new OpsPlugin().operations(),
                    new FistaSolver(), engine, 3)) {
                assertThat(engine.sgdUpdatesWithoutGradient).isEqualTo(official);
                assertThat(engine.lastSpec.bnAfterReduceSkip()).isEqualTo(!official);
            }
        }
        TwoStageConfig defaults = TwoStageConfig.defaults();
        assertThat(List.of(defaults.updateOpsOutsideSupport(), defaults.bnAfterReduceSkip(),
                defaults.clipArchitectureGradients(), defaults.solverWarmStart())).containsExactly(true, false, true, true);
    }

    @Test
    void warmStartKeyAndSolverColumnsAndOneWarning() throws IOException {
        for (boolean warm : new boolean[] {true, false}) {
            List<Boolean> warmStarts = new ArrayList<>();
            SparseSolver neverConverges = new SparseSolver() {
                @Override
                public String name() {
                    return "capped";
                }

                @Override
                public String description() {
                    return "fista's answer reported as not converged";
                }

                @Override
                public Recovery solve(LassoProblem problem) {
                    warmStarts.add(problem.warmStart() != null);
                    Recovery r = new FistaSolver().solve(problem);
                    return new Recovery(r.z(), r.iterations(), r.objective(), false, "pretend cap");
                }
            };
            try (TwoStageJob job = new TwoStageJob(twoStage("solverWarmStart=" + warm), TestRig.dataset(),
                    new OpsPlugin().operations(), neverConverges, TestRig.engine(), 3)) {
                job.startEpoch(0, 0);
                EpochResult first = job.finishEpoch(0, new EpochTotals());
                job.startEpoch(1, 0);
                EpochResult second = job.finishEpoch(1, new EpochTotals());
                assertThat(first.note()).contains("warning: solver capped did not converge for normal node 2");
                assertThat(second.note()).doesNotContain("warning");
                List<String> columns = job.codeColumns();
                List<Double> row = first.codes();
                assertThat(row).hasSameSizeAs(columns);
                assertThat(row.get(columns.indexOf("reduce_n5_iterations"))).isPositive();
                assertThat(row.get(columns.indexOf("reduce_n5_converged"))).isZero();
                assertThat(row.get(columns.indexOf("reduce_n5_gap"))).isBetween(0.0, 1e-9);
            }
            assertThat(warmStarts).hasSize(24); // initial (cold) + 2 epoch ends, 8 nodes each
            assertThat(warmStarts.subList(0, 8)).containsOnly(false);
            assertThat(warmStarts.subList(8, 24)).containsOnly(warm);
        }
    }

    /** quark0/darts cnn/genotypes.py PRIMITIVES start with 'none'; model_search.py genotype() skips it. */
    @Test
    void dartsSearchesEightOpsAndNeverSelectsNone() throws IOException {
        List<CandidateOperation> seven = new OpsPlugin().operations();
        List<CandidateOperation> eight = DartsJob.withNone(seven, true);
        assertThat(eight).hasSize(8);
        assertThat(eight.get(0).name()).isEqualTo("none");
        assertThat(DartsJob.withNone(seven, false)).hasSize(7);

        // node 2 (inputs 0, 1): none is the strongest weight on both edges; edge 1's best real op beats edge 0's
        CodeLayout layout = new CodeLayout(eight, 1);
        double[] w = new double[16];
        w[0] = 0.9;  // input 0: none
        w[3] = 0.05; // input 0: skip_connect
        w[8] = 0.8;  // input 1: none
        w[12] = 0.1; // input 1: sep_conv_5x5
        int[][] chosen = DartsJob.project(new double[][] {w}, layout, 0);
        assertThat(chosen[0]).containsExactly(12, 3);
        assertThat(DartsJob.project(new double[][] {w}, layout, -1)[0]).containsExactly(0, 8); // without the rule

        Path run = dir.resolve("darts");
        new DartsStrategy().search(TestRig.context(new DartsStrategy(), concat(TestRig.TINY,
                List.of("epochs=1", "checkpointEverySteps=0")), RunFolder.create(run), 3, TestRig.engine(),
                ProgressListener.NONE));
        String header = Files.readAllLines(run.resolve(RunFolder.CODES)).get(0);
        assertThat(header).contains("normal_n2_in0_none");
        String genotype = Files.readString(run.resolve("genotype.json"));
        assertThat(genotype).doesNotContain("\"none\"").contains("normalConcat");
        assertThat(DartsConfig.defaults().withNone()).isTrue();
        assertThat(darts("withNone=false").withNone()).isFalse();
    }

    /** main_search.sh: --batch_size 256 --learning_rate 0.1 --arch_learning_rate 6e-4; min 0.001. */
    @Test
    void officialPresetIsTheReleasedRunCommand() {
        TwoStageConfig official = TwoStageStrategy.PRESETS.record("official", "two-stage", TwoStageConfig.class);
        TwoStageConfig paper = TwoStageStrategy.PRESETS.record("paper", "two-stage", TwoStageConfig.class);
        assertThat(List.of(official.learningRate(), official.learningRateMin(), official.archLearningRate()))
                .containsExactly(0.1, 0.001, 6e-4);
        assertThat(official.batchSize()).isEqualTo(256);
        assertThat(List.of(paper.learningRate(), paper.learningRateMin())).containsExactly(0.2, 0.0);
        assertThat(CosineSchedule.of(official.learningRate(), official.learningRateMin(), official.epochs(), true)
                .at(official.epochs() - 1)).isCloseTo(0.001, within(1e-15));
        assertThat(new TwoStageStrategy().presetBase("smoke")).contains("paper");
        assertThat(new TwoStageStrategy().presetBase("official")).isEmpty();
        assertThat(new DartsStrategy().presets()).contains("official");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The ND4J engine, recording what the job asks of it. */
    private static final class RecordingEngine implements NetworkEngine {
        private final NetworkEngine delegate = TestRig.engine();
        long lastClippedSize = -1;
        Boolean sgdUpdatesWithoutGradient;
        SearchNetworkSpec lastSpec;

        @Override
        public String describe() {
            return "recording " + delegate.describe();
        }

        @Override
        public SparseSearchNetwork sparseSearchNetwork(SearchNetworkSpec spec) {
            lastSpec = spec;
            return delegate.sparseSearchNetwork(spec);
        }

        @Override
        public DenseSearchNetwork denseSearchNetwork(SearchNetworkSpec spec) {
            lastSpec = spec;
            return delegate.denseSearchNetwork(spec);
        }

        @Override
        public OneStageNetwork oneStageNetwork(SearchNetworkSpec spec) {
            return delegate.oneStageNetwork(spec);
        }

        @Override
        public TargetNetwork targetNetwork(TargetNetworkSpec spec) {
            return delegate.targetNetwork(spec);
        }

        @Override
        public Optimizer sgd(ParameterGroup parameters, double learningRate, double momentum, double weightDecay) {
            sgdUpdatesWithoutGradient = false;
            return delegate.sgd(parameters, learningRate, momentum, weightDecay);
        }

        @Override
        public Optimizer sgd(ParameterGroup parameters, double learningRate, double momentum, double weightDecay,
                             boolean updateWithoutGradient) {
            sgdUpdatesWithoutGradient = updateWithoutGradient;
            return delegate.sgd(parameters, learningRate, momentum, weightDecay, updateWithoutGradient);
        }

        @Override
        public Optimizer adam(ParameterGroup parameters, double learningRate, double beta1, double beta2,
                              double weightDecay) {
            return delegate.adam(parameters, learningRate, beta1, beta2, weightDecay);
        }

        @Override
        public double clipGradientNorm(double maxNorm, ParameterGroup... groups) {
            lastClippedSize = java.util.Arrays.stream(groups).mapToLong(ParameterGroup::size).sum();
            return delegate.clipGradientNorm(maxNorm, groups);
        }
    }
}
