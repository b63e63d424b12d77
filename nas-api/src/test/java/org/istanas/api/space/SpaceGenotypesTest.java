package org.istanas.api.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.Genotypes;
import org.istanas.api.space.darts.DartsSpace;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.api.space.nb201.Nb201Space;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpaceGenotypesTest {
    private static final Map<String, SearchSpace> SPACES = Map.of("darts", new DartsSpace(), "nas-bench-201",
            new Nb201Space());
    private static final Function<String, SearchSpace> LOOKUP = name -> {
        SearchSpace space = SPACES.get(name);
        if (space == null) {
            throw new IllegalArgumentException("unknown search space '" + name + "'");
        }
        return space;
    };

    @TempDir
    Path dir;

    @Test
    void oldGenotypeFileWithoutSpaceIsADartsGenotype() throws IOException {
        Path file = dir.resolve("genotype-v1.json");
        try (InputStream in = getClass().getResourceAsStream("/compat/genotype-v1.json")) {
            Files.write(file, in.readAllBytes());
        }
        Architecture read = SpaceGenotypes.resolve(file.toString(), null, LOOKUP);
        assertThat(read.space()).isEqualTo("darts");
        assertThat(read).isEqualTo(Genotypes.ISTA_TWOSTAGE);
        DartsSpace darts = new DartsSpace();
        String rewritten = darts.toJson(read);
        assertThat(darts.parse(rewritten, "rewritten")).isEqualTo(read);
        assertThat(rewritten).doesNotContain("space");
    }

    @Test
    void builtInNamesAndNb201StringsResolve() {
        assertThat(SpaceGenotypes.resolve("DARTS_V2", null, LOOKUP)).isEqualTo(Genotypes.DARTS_V2);
        String arch = "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|";
        assertThat(SpaceGenotypes.resolve(arch, null, LOOKUP)).isEqualTo(Nb201Cell.uniform("skip_connect"));
        assertThat(SpaceGenotypes.resolve(arch, "nas-bench-201", LOOKUP)).isEqualTo(Nb201Cell.uniform("skip_connect"));
    }

    @Test
    void fileOfAnotherSpaceThanAskedIsRejected() throws IOException {
        Path file = dir.resolve("nb.json");
        Files.writeString(file, new Nb201Space().toJson(Nb201Cell.uniform("none")), StandardCharsets.UTF_8);
        assertThat(SpaceGenotypes.resolve(file.toString(), null, LOOKUP)).isEqualTo(Nb201Cell.uniform("none"));
        assertThatThrownBy(() -> SpaceGenotypes.resolve(file.toString(), "darts", LOOKUP))
                .hasMessageContaining("a nas-bench-201 genotype, but --space is darts");
        Files.writeString(file, "{\"space\": \"nasbench101\"}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SpaceGenotypes.resolve(file.toString(), null, LOOKUP))
                .hasMessageContaining("unknown search space 'nasbench101'");
    }

    @Test
    void dartsTopologyHasTwoPicksPerNodeOverEarlierNodes() {
        var cells = new DartsSpace().topology();
        assertThat(cells).extracting(CellTopology::cell).containsExactly("normal", "reduce");
        assertThat(cells.get(0).nodes()).extracting(CellTopology.Node::node).containsExactly(2, 3, 4, 5);
        assertThat(cells.get(0).nodes().get(3).inputs()).containsExactly(0, 1, 2, 3, 4);
        var nb = new Nb201Space().topology();
        assertThat(nb).hasSize(1);
        assertThat(nb.get(0).nodes()).extracting(CellTopology.Node::picks).containsExactly(1, 2, 3);
        assertThat(Genotype.SPACE).isEqualTo(new DartsSpace().name());
    }
}
