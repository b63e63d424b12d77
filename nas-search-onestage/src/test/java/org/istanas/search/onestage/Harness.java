package org.istanas.search.onestage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.istanas.api.config.ConfigLoader;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.run.AtomicFiles;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.istanas.api.search.SearchContext;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SparseSolver;
import org.istanas.data.synthetic.SyntheticProvider;
import org.istanas.ops.OpsPlugin;
import org.istanas.api.network.NetworkEngine;
import org.istanas.solvers.ista.FistaSolver;

/** Shared set-up of the strategy tests: a small synthetic dataset, the paper's ops, a configuration and a folder. */
final class Harness {
    /**
     * 64 training images in 4 batches of 16, 32 test images, no augmentation, 3 search + 2 retrain epochs. The
     * scripted scenarios count epochs under the rule "no flag after the first epoch" (terminationFromEpoch 1);
     * OneStageFidelityTest covers the official rule, the default.
     */
    static final List<String> TINY = List.of("trainImages=64", "testImages=32", "batchSize=16", "augment=false",
            "cutout=0", "maxSearchEpochs=3", "retrainEpochs=2", "loaderWorkers=1", "terminationFromEpoch=1",
            // the smoke preset before it was made to learn (issue 15 item 2): these tests pin its values
            "channels=4", "learningRate=0.025", "archInitScale=1e-3", "archLearningRate=3e-4", "auxiliaryWeight=0.4");

    private Harness() {
    }

    static ImageDataset dataset() throws IOException {
        return new SyntheticProvider().open(new DatasetRequest(null, 0, 0, Map.of("trainSize", "64", "testSize", "32")));
    }

    static OneStageConfig config(List<String> overrides) {
        List<String> all = new ArrayList<>(TINY);
        all.addAll(overrides);
        return ConfigLoader.load(OneStageConfig.class, OneStagePresets.get("smoke"), null, all);
    }

    /** A run folder as the framework prepares it (config.yaml and provenance.json present). */
    static RunFolder folder(Path root) throws IOException {
        RunFolder folder = RunFolder.create(root);
        AtomicFiles.write(folder.config(), "# test\n");
        AtomicFiles.write(folder.provenance(), "{}\n");
        return folder;
    }

    static SearchContext context(OneStageConfig config, RunFolder folder, NetworkEngine engine, SparseSolver solver,
                                 ProgressListener listener) throws IOException {
        return SearchContext.builder().config(config).dataset(dataset()).solver(solver)
                .operations(new OpsPlugin().operations()).runFolder(folder).seed(7).listener(listener)
                .service(NetworkEngine.class, engine).build();
    }

    static SparseSolver fista() {
        return new FistaSolver();
    }

    /** metrics.csv without its wall-clock column. */
    static List<String> metricsWithoutTime(RunFolder folder) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(folder.metrics())) {
            rows.add(line.substring(0, line.lastIndexOf(',')));
        }
        return rows;
    }

    /** Column {@code name} of metrics.csv, one value per epoch. */
    static List<String> column(RunFolder folder, String name) throws IOException {
        List<String> lines = Files.readAllLines(folder.metrics());
        int index = List.of(lines.get(0).split(",")).indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + lines.get(0));
        }
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)[index]).toList();
    }

    /**
     * A solver whose codes are scripted: nodes 0 and 2 (cell nodes 2 and 4) of both cell types always get the same
     * code, nodes 1 and 3 get a code that moves by 0.1 (L2) on every call. The node is known from the code length
     * (7 (j + 2) entries).
     */
    static final class ScriptedSolver implements SparseSolver {
        private final int[] calls = new int[4];

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public String description() {
            return "nodes 2 and 4 constant, nodes 3 and 5 moving";
        }

        @Override
        public Recovery solve(LassoProblem problem) {
            int node = problem.columns() / 7 - 2;
            double[] z = new double[problem.columns()];
            z[0] = 1.0;
            z[8] = 0.5;
            if (node % 2 == 1) {
                z[0] += 0.1 * calls[node]++;
            }
            return new Recovery(z, 1, 0, true, "scripted");
        }
    }
}
