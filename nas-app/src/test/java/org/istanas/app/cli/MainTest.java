package org.istanas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.genotype.Genotypes;
import org.istanas.app.Main;
import org.istanas.app.plugin.PluginJars;
import org.istanas.app.plugin.PluginRegistry;
import org.istanas.app.wiring.IstanasInjector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class MainTest {
    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Path pluginsWithFixture() throws IOException {
        Path plugins = dir.resolve("plugins");
        PluginJars.solverPlugin(plugins.resolve("zero").resolve("zero-solver.jar"), "cli", "zero", null);
        return plugins;
    }

    @Test
    void pluginsListsContributionsWithTheirSourceJar() throws IOException {
        Path plugins = pluginsWithFixture();
        Result result = run("plugins", "--plugins-dir", plugins.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Sparse-coding solvers (")
                .containsPattern("  zero +returns z = 0 \\(test fixture\\) +" + java.util.regex.Pattern.quote(
                        plugins.resolve("zero").resolve("zero-solver.jar").toString()))
                .contains("Search strategies (", "Candidate operations (", "Datasets (")
                .contains("Plugins directory: " + plugins);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void pluginsJsonIsMachineReadable() throws IOException {
        Path plugins = pluginsWithFixture();
        Result result = run("--plugins-dir=" + plugins, "plugins", "--json", "--kind", "solvers");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("pluginsDirectory", "solvers");
        JsonNode zero = null;
        for (JsonNode solver : json.get("solvers")) {
            if (solver.get("name").asText().equals("zero")) {
                zero = solver;
            }
        }
        assertThat(zero).isNotNull();
        assertThat(zero.get("source").asText()).endsWith("zero-solver.jar");
        assertThat(zero.get("description").asText()).isEqualTo("returns z = 0 (test fixture)");
    }

    @Test
    void pluginsDirectoryFromTheSystemPropertyAndItsAbsenceIsAnError() {
        Path missing = dir.resolve("missing");
        Result result = run("plugins", "--plugins-dir", missing.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("istanas: plugins directory " + missing + " does not exist\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void genotypeShowPrintsBothCellsAsText() {
        Result result = run("genotype", "show", "DARTS_V2");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Genotype DARTS_V2\n")
                .contains("normal cell: 4 nodes", "reduce cell: 4 nodes")
                .contains("  node 5 = skip_connect(c_{k-2}) + dil_conv_3x3(node 2)\n");
    }

    @Test
    void genotypeShowDotAndJsonAndFiles() throws IOException {
        Result dot = run("genotype", "show", "ISTA_ImageNet", "--dot");
        assertThat(dot.exitCode()).isZero();
        assertThat(dot.out()).startsWith("digraph genotype {").contains("cluster_normal", "cluster_reduce");

        Result json = run("genotype", "show", "ista_twostage", "--json");
        assertThat(json.exitCode()).isZero();
        Path file = dir.resolve("g.json");
        Files.writeString(file, json.out());
        assertThat(GenotypeJson.read(file)).isEqualTo(Genotypes.ISTA_TWOSTAGE);

        Result fromFile = run("genotype", "show", file.toString());
        assertThat(fromFile.exitCode()).isZero();
        assertThat(fromFile.out()).startsWith("Genotype " + file + " (= ISTA_twostage)\n");

        Result both = run("genotype", "show", "DARTS_V1", "--dot", "--json");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void genotypeOperationsAreCheckedAgainstTheLoadedOperations() throws IOException {
        Path plugins = dir.resolve("plugins");
        PluginJars.solverPlugin(plugins.resolve("ops").resolve("ops.jar"), "ops", "zero2", "fixture_identity");
        Path file = dir.resolve("exotic.json");
        String json = GenotypeJson.toJson(Genotypes.DARTS_V2).replace("dil_conv_3x3", "conv_9x9")
                .replaceAll("(sep_conv_3x3|skip_connect|max_pool_3x3)", "fixture_identity");
        Files.writeString(file, json);
        Result result = run("genotype", "show", file.toString(), "--plugins-dir", plugins.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("istanas: " + file + ": normal[7] = [\"conv_9x9\", 2]: unknown operation "
                + "'conv_9x9'; known: [").contains("fixture_identity");
    }

    @Test
    void failuresPrintOneLineAndExitOne() throws IOException {
        Result unknown = run("genotype", "show", "NOPE");
        assertThat(unknown.exitCode()).isEqualTo(2); // an unknown name is a usage error (ExitCodes)
        assertThat(unknown.err()).isEqualTo("istanas: unknown genotype 'NOPE': neither a built-in name nor a file; "
                + "built-in: [DARTS_V1, DARTS_V2, ISTA_twostage, ISTA_onestage, ISTA_ImageNet]\n");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"normal\": []}");
        Result invalid = run("genotype", "show", bad.toString());
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.err()).isEqualTo("istanas: " + bad + ": missing field 'normalConcat'\n");

        Result verbose = run("--verbose", "genotype", "show", "NOPE");
        assertThat(verbose.exitCode()).isEqualTo(2);
        assertThat(verbose.err()).contains("\tat org.istanas.");
    }

    @Test
    void usageErrorsExitTwoWithAPointerToHelp() {
        Result missing = run("genotype", "show");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("istanas: Missing required parameter: 'NAME|FILE'\n")
                .endsWith("Try 'istanas genotype show --help' for more information.\n");

        Result unknownOption = run("plugins", "--jsn");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.err()).contains("Unknown option: '--jsn'").contains("--json");

        Result noCommand = run();
        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(noCommand.err()).contains("Missing required subcommand");

        Result badKind = run("plugins", "--kind", "solverz");
        assertThat(badKind.exitCode()).isEqualTo(2);
        assertThat(badKind.err()).contains("unknown kind 'solverz'; known: [strategy, operation, solver, dataset, space, executor]");
    }

    @Test
    void versionComesFromTheGeneratedResource() {
        Result result = run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).containsPattern("^istanas \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n")
                .containsPattern("\nND4J 1\\.0\\.0-M2\\.1 \\(native build linux-x86_64[a-z0-9-]*\\)\n")
                .doesNotContain("${");
    }

    @Test
    void everyCommandHasHelpAndVersion() {
        CommandLine root = IstanasCommand.commandLine(IstanasInjector.create(PluginRegistry.empty(),
                binder -> binder.bind(LaunchOptions.class).toInstance(LaunchOptions.scan(new String[0], null))), false);
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        assertThat(all).extracting(CommandLine::getCommandName)
                .contains("istanas", "plugins", "genotype", "show", "list");
        for (CommandLine command : all) {
            if (command.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
                continue;
            }
            assertThat(command.getCommandSpec().optionsMap()).as(command.getCommandSpec().qualifiedName())
                    .containsKeys("--help", "--version", "--verbose", "--plugins-dir");
            String[] path = command.getCommandSpec().qualifiedName().split(" ");
            List<String> args = new ArrayList<>(List.of(path).subList(1, path.length));
            args.add("--help");
            Result help = run(args.toArray(String[]::new));
            assertThat(help.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(help.out()).startsWith("Usage: " + command.getCommandSpec().qualifiedName());
        }
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, all));
    }
}
