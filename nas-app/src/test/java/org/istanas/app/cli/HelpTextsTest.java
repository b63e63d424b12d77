package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.istanas.api.genotype.Genotypes;
import org.junit.jupiter.api.Test;

/** Issue 15 item 14: help texts a new user reads first. */
final class HelpTextsTest {
    private static String help(String... command) {
        String[] args = java.util.Arrays.copyOf(command, command.length + 1);
        args[command.length] = "--help";
        MainTest.Result r = MainTest.run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().replaceAll("\\s+", " "); // help wraps lines at the terminal width
    }

    @Test
    void presetHelpListsTheDemoPreset() {
        assertThat(help("search")).contains("demo (two-stage)");
        assertThat(help("evaluate")).contains("Preset: paper (default), official, cpu, smoke; also demo");
    }

    @Test
    void builtInGenotypeNamesAreSpelledAsGenotypeListSpellsThem() {
        String evaluate = help("evaluate");
        for (String name : Genotypes.builtIn().keySet()) {
            String shouted = name.toUpperCase(java.util.Locale.ROOT);
            if (!shouted.equals(name)) {
                assertThat(evaluate).doesNotContain(shouted);
            }
        }
        assertThat(evaluate).contains("ISTA_twostage");
    }

    @Test
    void everyBenchmarkShowsItsDefaults() {
        assertThat(help("bench", "step")).contains("--layers=<layers> cells (default: 8)");
        assertThat(help("bench", "train")).contains("--layers=<layers> cells (default: 20)",
                "--genotype=<genotype> built-in genotype or genotype.json (default: DARTS_V2)");
        assertThat(help("bench", "onestage")).contains("--batch=<batch> images per batch (default: 96)");
    }

    /** Issue 15 item 1: the dataset default is not a silent "synthetic". */
    @Test
    void theDatasetHelpSaysWhatIsReadWithoutIt() {
        assertThat(help("evaluate")).contains("Default: for evaluate of a run's genotype.json, that run's dataset; "
                + "otherwise the built-in synthetic images (a warning says so).");
    }

    @Test
    void everyCommandWithDatasetOptionsCallsThemDatasetOption() {
        assertThat(help("search")).contains("--dataset-option=KEY=VALUE");
        assertThat(help("evaluate")).contains("--dataset-option=KEY=VALUE");
        assertThat(help("data", "inspect")).contains("--dataset-option=KEY=VALUE");
    }
}
