package org.istanas.api.genotype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class GenotypeJsonTest {
    private static final String VALID_NORMAL = "\"normal\": [[\"sep_conv_3x3\", 0], [\"sep_conv_3x3\", 1],"
            + " [\"skip_connect\", 0], [\"dil_conv_3x3\", 2]]";
    private static final String VALID_REDUCE = "\"reduce\": [[\"max_pool_3x3\", 0], [\"max_pool_3x3\", 1],"
            + " [\"skip_connect\", 2], [\"max_pool_3x3\", 1]]";

    @Test
    void allBuiltInsSurviveARoundTripThroughTextTreeAndFile(@TempDir Path dir) throws IOException {
        for (var entry : Genotypes.builtIn().entrySet()) {
            Genotype genotype = entry.getValue();
            assertThat(GenotypeJson.parse(GenotypeJson.toJson(genotype), entry.getKey())).isEqualTo(genotype);
            assertThat(GenotypeJson.fromTree(GenotypeJson.toTree(genotype), entry.getKey())).isEqualTo(genotype);
            Path file = dir.resolve(entry.getKey() + ".json");
            GenotypeJson.write(file, genotype);
            assertThat(GenotypeJson.read(file)).isEqualTo(genotype);
        }
        assertThat(dir.toFile().list()).hasSize(5);
    }

    @Test
    void writtenJsonHasTheDocumentedShape() throws IOException {
        var tree = new ObjectMapper().readTree(GenotypeJson.toJson(Genotypes.DARTS_V2));
        assertThat(tree.fieldNames()).toIterable()
                .containsExactly("normal", "normalConcat", "reduce", "reduceConcat");
        assertThat(tree.get("normal").get(7).toString()).isEqualTo("[\"dil_conv_3x3\",2]");
        assertThat(tree.get("reduceConcat").toString()).isEqualTo("[2,3,4,5]");
        assertThat(GenotypeJson.toJson(Genotypes.DARTS_V2).lines()).hasSize(12)
                .allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }

    record SearchResult(String name, Genotype genotype) {
    }

    @Test
    void jacksonModuleEmbedsGenotypesInLargerDocuments() throws IOException {
        ObjectMapper mapper = new ObjectMapper().registerModule(GenotypeJson.jacksonModule());
        String json = mapper.writeValueAsString(new SearchResult("run-1", Genotypes.ISTA_ONESTAGE));
        assertThat(mapper.readTree(json).get("genotype")).isEqualTo(GenotypeJson.toTree(Genotypes.ISTA_ONESTAGE));
        assertThat(mapper.readValue(json, SearchResult.class))
                .isEqualTo(new SearchResult("run-1", Genotypes.ISTA_ONESTAGE));
        String broken = json.replace("\"reduceConcat\"", "\"reduceConcatenation\"");
        assertThatThrownBy(() -> mapper.readValue(broken, SearchResult.class))
                .hasMessageContaining("unknown field 'reduceConcatenation'");
    }

    @Test
    void twoNodeCellsAreValid() {
        Genotype small = GenotypeJson.parse("{" + VALID_NORMAL + ", \"normalConcat\": [2, 3], " + VALID_REDUCE
                + ", \"reduceConcat\": [3]}", "small.json");
        assertThat(small.steps(CellType.NORMAL)).isEqualTo(2);
        assertThat(small.nodeInputs(CellType.REDUCE, 1))
                .containsExactly(new GenotypeEdge("skip_connect", 2), new GenotypeEdge("max_pool_3x3", 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing field | {NORMAL, \"normalConcat\": [2, 3], REDUCE} | bad.json: missing field 'reduceConcat'",
        "unknown field | {NORMAL, \"normalConcat\": [2, 3], REDUCE, \"reduceConcat\": [2, 3], \"normal_concat\": [2]}"
                + " | bad.json: unknown field 'normal_concat'; expected [normal, normalConcat, reduce, reduceConcat]",
        "odd count | {\"normal\": [[\"skip_connect\", 0], [\"skip_connect\", 1], [\"skip_connect\", 2]],"
                + " \"normalConcat\": [2], REDUCE, \"reduceConcat\": [2, 3]}"
                + " | bad.json: normal has 3 entries; expected 2 per intermediate node (an even count of at least 2)",
        "input not earlier | {\"normal\": [[\"skip_connect\", 0], [\"skip_connect\", 1], [\"sep_conv_3x3\", 1],"
                + " [\"sep_conv_3x3\", 3]], \"normalConcat\": [2, 3], REDUCE, \"reduceConcat\": [2, 3]}"
                + " | bad.json: normal[3] = [\"sep_conv_3x3\", 3]: input 3 is not earlier than its node 3"
                + " (node 3 takes inputs 0..2)",
        "negative input | {NORMAL, \"normalConcat\": [2, 3], \"reduce\": [[\"max_pool_3x3\", -1],"
                + " [\"max_pool_3x3\", 1], [\"skip_connect\", 2], [\"max_pool_3x3\", 1]], \"reduceConcat\": [2, 3]}"
                + " | bad.json: reduce[0] = [\"max_pool_3x3\", -1]: input -1 is not earlier than its node 2"
                + " (node 2 takes inputs 0..1)",
        "concat out of range | {NORMAL, \"normalConcat\": [2, 4], REDUCE, \"reduceConcat\": [2, 3]}"
                + " | bad.json: normalConcat[1] = 4 is out of range: normal has nodes 0..3",
        "malformed entry | {\"normal\": [[\"skip_connect\", 0], [\"skip_connect\"]], \"normalConcat\": [2],"
                + " REDUCE, \"reduceConcat\": [2, 3]}"
                + " | bad.json: normal[1] = [\"skip_connect\"] is not an [\"operation\", input-node] pair",
        "not an array | {\"normal\": {}, \"normalConcat\": [2], REDUCE, \"reduceConcat\": [2, 3]}"
                + " | bad.json: field 'normal' must be an array, got object",
    })
    void invalidDocumentsAreRejectedNamingTheEntry(String what, String json, String message) {
        String document = json.replace("NORMAL", VALID_NORMAL).replace("REDUCE", VALID_REDUCE);
        assertThatThrownBy(() -> GenotypeJson.parse(document, "bad.json"))
                .as(what)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void syntaxErrorsNameFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("truncated.json");
        Files.writeString(file, "{\n  \"normal\": [[\"skip_connect\", 0]\n");
        assertThatThrownBy(() -> GenotypeJson.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": not valid JSON: ")
                .hasMessageContaining("line 3");
    }

    @Test
    void unknownOperationIsNamedWithTheKnownOnes() {
        Genotype genotype = new Genotype(
                List.of(new GenotypeEdge("sep_conv_3x3", 0), new GenotypeEdge("conv_7x7", 1)), List.of(2),
                List.of(new GenotypeEdge("sep_conv_3x3", 0), new GenotypeEdge("sep_conv_3x3", 1)), List.of(2));
        assertThatThrownBy(() -> GenotypeValidator.checkOperations(genotype, List.of("sep_conv_3x3", "avg_pool_3x3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("normal[1] = [\"conv_7x7\", 1]: unknown operation 'conv_7x7'; known: "
                        + "[avg_pool_3x3, sep_conv_3x3]");
    }
}
