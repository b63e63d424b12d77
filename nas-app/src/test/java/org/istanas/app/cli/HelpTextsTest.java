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
    void everyCommandWithDatasetOptionsCallsThemDatasetOption() {
        assertThat(help("search")).contains("--dataset-option=KEY=VALUE");
        assertThat(help("evaluate")).contains("--dataset-option=KEY=VALUE");
        assertThat(help("data", "inspect")).contains("--dataset-option=KEY=VALUE");
    }
}
