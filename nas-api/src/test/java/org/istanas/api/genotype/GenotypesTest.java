package org.istanas.api.genotype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class GenotypesTest {
    /** The cells exactly as the official Python sources print them (paper digest section 4). */
    private static final Map<String, String[]> PYTHON_SOURCE = Map.of(
            "DARTS_V1", new String[] {
                "(sep_conv_3x3,1),(sep_conv_3x3,0), (skip_connect,0),(sep_conv_3x3,1),"
                        + "(skip_connect,0),(sep_conv_3x3,1), (sep_conv_3x3,0),(skip_connect,2)",
                "(max_pool_3x3,0),(max_pool_3x3,1), (skip_connect,2),(max_pool_3x3,0),"
                        + "(max_pool_3x3,0),(skip_connect,2), (skip_connect,2),(avg_pool_3x3,0)"},
            "DARTS_V2", new String[] {
                "(sep_conv_3x3,0),(sep_conv_3x3,1), (sep_conv_3x3,0),(sep_conv_3x3,1),"
                        + "(sep_conv_3x3,1),(skip_connect,0), (skip_connect,0),(dil_conv_3x3,2)",
                "(max_pool_3x3,0),(max_pool_3x3,1), (skip_connect,2),(max_pool_3x3,1),"
                        + "(max_pool_3x3,0),(skip_connect,2), (skip_connect,2),(max_pool_3x3,1)"},
            "ISTA_twostage", new String[] {
                "(skip_connect,0),(dil_conv_3x3,1), (sep_conv_5x5,0),(dil_conv_3x3,2),"
                        + "(dil_conv_3x3,1),(sep_conv_3x3,0), (sep_conv_3x3,2),(skip_connect,0)",
                "(avg_pool_3x3,0),(sep_conv_5x5,1), (dil_conv_5x5,2),(max_pool_3x3,1),"
                        + "(dil_conv_5x5,3),(sep_conv_3x3,1), (dil_conv_5x5,4),(sep_conv_5x5,1)"},
            "ISTA_onestage", new String[] {
                "(skip_connect,0),(dil_conv_3x3,1), (sep_conv_3x3,1),(dil_conv_5x5,2),"
                        + "(avg_pool_3x3,3),(sep_conv_3x3,1), (sep_conv_5x5,1),(sep_conv_3x3,2)",
                "(avg_pool_3x3,0),(max_pool_3x3,1), (skip_connect,0),(max_pool_3x3,1),"
                        + "(sep_conv_5x5,1),(avg_pool_3x3,0), (max_pool_3x3,0),(dil_conv_5x5,2)"},
            "ISTA_ImageNet", new String[] {
                "(sep_conv_3x3,1),(sep_conv_3x3,0), (sep_conv_3x3,1),(skip_connect,2),"
                        + "(sep_conv_3x3,1),(sep_conv_3x3,0), (sep_conv_3x3,1),(dil_conv_5x5,4)",
                "(skip_connect,0),(sep_conv_3x3,1), (dil_conv_5x5,2),(sep_conv_3x3,0),"
                        + "(sep_conv_3x3,0),(skip_connect,2), (sep_conv_3x3,2),(skip_connect,3)"});

    private static final List<String> PAPER_OPS = List.of("max_pool_3x3", "avg_pool_3x3", "skip_connect",
            "sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5");

    @Test
    void builtInsMatchTheOfficialSources() {
        assertThat(Genotypes.builtIn().keySet())
                .containsExactly("DARTS_V1", "DARTS_V2", "ISTA_twostage", "ISTA_onestage", "ISTA_ImageNet");
        PYTHON_SOURCE.forEach((name, cells) -> {
            Genotype genotype = Genotypes.builtIn().get(name);
            assertThat(genotype.normal()).as(name + " normal").isEqualTo(parsePython(cells[0]));
            assertThat(genotype.reduce()).as(name + " reduce").isEqualTo(parsePython(cells[1]));
            assertThat(genotype.normalConcat()).containsExactly(2, 3, 4, 5);
            assertThat(genotype.reduceConcat()).containsExactly(2, 3, 4, 5);
            GenotypeValidator.checkOperations(genotype, PAPER_OPS);
        });
    }

    @Test
    void resolvesNamesExactlyThenIgnoringCase() {
        assertThat(Genotypes.resolve("DARTS_V2")).isSameAs(Genotypes.DARTS_V2);
        assertThat(Genotypes.resolve("ista_imagenet")).isSameAs(Genotypes.ISTA_IMAGENET);
        assertThat(Genotypes.nameOf(Genotypes.ISTA_ONESTAGE)).isEqualTo("ISTA_onestage");
    }

    @Test
    void resolvesFilesRelativeToABaseDirectory(@TempDir Path dir) throws IOException {
        GenotypeJson.write(dir.resolve("mine.json"), Genotypes.DARTS_V1);
        assertThat(Genotypes.resolve("mine.json", dir)).isEqualTo(Genotypes.DARTS_V1);
        assertThat(Genotypes.resolve(dir.resolve("mine.json").toString())).isEqualTo(Genotypes.DARTS_V1);
    }

    @Test
    void unknownNameListsTheBuiltIns() {
        assertThatThrownBy(() -> Genotypes.resolve("DARTS_V3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown genotype 'DARTS_V3': neither a built-in name nor a file; built-in: "
                        + "[DARTS_V1, DARTS_V2, ISTA_twostage, ISTA_onestage, ISTA_ImageNet]");
    }

    @Test
    void invalidFileIsRejectedNamingFileAndField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"normal\": [[\"skip_connect\", 0], [\"skip_connect\", 1]], \"normalConcat\": [2],"
                + " \"reduce\": [[\"skip_connect\", 0], [\"skip_connect\", 1]]}");
        assertThatThrownBy(() -> Genotypes.resolve(file.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": missing field 'reduceConcat'");
    }

    @Test
    void goldenFileOfFormatVersion1StillLoads() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/compat/genotype-v1.json")) {
            assertThat(in).as("compat/genotype-v1.json on the test classpath").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Genotype golden = GenotypeJson.parse(text, "compat/genotype-v1.json");
        assertThat(golden).isEqualTo(Genotypes.ISTA_TWOSTAGE);
        assertThat(Genotypes.nameOf(golden)).isEqualTo("ISTA_twostage");
    }

    private static List<GenotypeEdge> parsePython(String cell) {
        Matcher matcher = Pattern.compile("\\((\\w+),(\\d+)\\)").matcher(cell);
        List<GenotypeEdge> edges = new ArrayList<>();
        while (matcher.find()) {
            edges.add(new GenotypeEdge(matcher.group(1), Integer.parseInt(matcher.group(2))));
        }
        return edges;
    }
}
