package org.istanas.app.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.Genotypes;
import org.istanas.api.genotype.GenotypeEdge;
import org.istanas.api.run.Seeds;
import org.istanas.app.trial.TrialSpec;
import org.junit.jupiter.api.Test;

/** The ablation's plan and statistics, against hand computations. */
final class AblationTest {
    @Test
    void everyCombinationRunsWithTheSeedsOfSearchRuns() {
        Map<String, List<String>> vary = new LinkedHashMap<>();
        vary.put("solver", List.of("fista", "lp"));
        vary.put("sparsity", List.of("1", "2", "3"));
        Ablation a = new Ablation(Path.of("E"), vary, 2, 7, List.of("--dataset", "synthetic"));
        assertThat(a.variants()).extracting(Ablation.Variant::name).containsExactly("solver=fista,sparsity=1",
                "solver=fista,sparsity=2", "solver=fista,sparsity=3", "solver=lp,sparsity=1", "solver=lp,sparsity=2",
                "solver=lp,sparsity=3");
        List<TrialSpec> trials = a.trials();
        assertThat(trials).hasSize(12);
        TrialSpec t = trials.get(7); // variant 3 (lp, sparsity 1), run 1
        assertThat(t.id()).isEqualTo("v3-run-1");
        assertThat(t.arguments()).containsSubsequence("search", "--dataset", "synthetic", "--solver", "lp", "--set",
                "sparsity=1", "--seed", Long.toString(Seeds.forRun(7, 1)), "--out");
        assertThat(t.runFolder()).isEqualTo(Path.of("E/solver=lp,sparsity=1/run-1").toAbsolutePath());
    }

    @Test
    void genotypeAgreementIsTheMeanFractionOfSameEntriesOverPairsOfSeeds() {
        Genotype g = Genotypes.resolve("DARTS_V2");
        List<GenotypeEdge> normal = new ArrayList<>(g.normal());
        normal.set(0, new GenotypeEdge("max_pool_3x3", normal.get(0).input()));
        normal.set(1, new GenotypeEdge("max_pool_3x3", normal.get(1).input()));
        Genotype changed = new Genotype(normal, g.normalConcat(), g.reduce(), g.reduceConcat());
        int entries = g.normal().size() + g.reduce().size(); // 16
        // pairs: (g, g) agree fully; (g, changed) and (g, changed) differ in 2 of 16
        double expected = (1.0 + 2 * (entries - 2) / (double) entries) / 3;
        assertThat(Ablation.agreement(List.of(g, g, changed))).isCloseTo(expected, within(1e-12));
        assertThat(Ablation.agreement(List.of(g))).isNaN();
    }

    @Test
    void rankingAgreementIsKendallTauBBetweenTheVariantsOfEveryTwoSeeds() {
        // 3 variants x 2 seeds: seed 0 ranks a > b > c, seed 1 ranks a > c > b: 2 concordant, 1 discordant pair
        double[][] accuracy = {{0.9, 0.8}, {0.5, 0.1}, {0.3, 0.4}};
        Map<String, Object> r = Ablation.rankingAgreement(accuracy);
        assertThat((Double) r.get("mean")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(Ablation.rankingAgreement(new double[][] {{0.5}, {0.4}}).get("mean")).isNull();
        // all variants tied in seed 1: no ranking there, tau undefined (at tiny scale searches often tie)
        assertThat(Ablation.rankingAgreement(new double[][] {{0.9, 0.1}, {0.5, 0.1}}).get("mean")).isNull();
    }
}
