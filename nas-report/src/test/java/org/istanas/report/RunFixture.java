package org.istanas.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeEdge;
import org.istanas.api.genotype.GenotypeJson;

/**
 * Small run folders written by hand, so that every number a report shows can be checked against the file:
 * a two-stage search of 3 epochs with one node per cell, and an evaluation of 2 epochs.
 */
final class RunFixture {
    static final Genotype GENOTYPE = new Genotype(
            List.of(new GenotypeEdge("sep_conv_3x3", 0), new GenotypeEdge("sep_conv_3x3", 1)), List.of(2),
            List.of(new GenotypeEdge("max_pool_3x3", 0), new GenotypeEdge("avg_pool_3x3", 1)), List.of(2));

    private RunFixture() {
    }

    static String provenance(String kind, String strategy, long seed) {
        return "{\"tool\":\"istanas\",\"version\":\"0.1.0\",\"gitCommit\":\"abc\",\"createdAt\":\"2026-12-02T03:00:00Z\","
                + "\"invocation\":{\"kind\":\"" + kind + "\"" + (strategy == null ? "" : ",\"strategy\":\"" + strategy
                + "\",\"solver\":\"fista\"") + ",\"dataset\":\"synthetic\",\"seed\":\"" + seed + "\"},"
                + "\"seeds\":{\"base\":" + seed + "},\"dataset\":{\"name\":\"synthetic\",\"checksum\":\"ff\",\"train\":100,"
                + "\"test\":50,\"classes\":10},\"backend\":\"test\",\"runtime\":{\"processors\":\"2\"}}";
    }

    /** The search; {@code finished} adds genotype.json and result.json. */
    static Path search(Path dir, boolean finished) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("provenance.json"), provenance("search", "two-stage", 5));
        Files.writeString(dir.resolve("config.yaml"), "epochs: 3\nsparsity: 2\nlayers: 3\n");
        Files.writeString(dir.resolve("metrics.csv"), """
                epoch,lr,train_loss,train_acc,arch_loss,valid_loss,valid_acc,normal_n2,reduce_n2,seconds
                0,0.1,2.0,0.30,2.1,1.9,0.35,sep_conv_3x3@0+skip_connect@1,max_pool_3x3@0+max_pool_3x3@1,10.0
                1,0.05,1.5,0.50,1.6,1.4,0.55,sep_conv_3x3@0+sep_conv_3x3@1,max_pool_3x3@0+max_pool_3x3@1,12.5
                2,0.01,1.2,0.60,1.3,1.45,0.52,sep_conv_3x3@0+sep_conv_3x3@1,max_pool_3x3@0+avg_pool_3x3@1,11.5
                """);
        Files.writeString(dir.resolve("codes.csv"), """
                epoch,normal_n2_in0_sep_conv_3x3,normal_n2_in0_skip_connect,normal_n2_in1_sep_conv_3x3,normal_n2_in1_skip_connect,reduce_n2_in0_max_pool_3x3,reduce_n2_in0_avg_pool_3x3,reduce_n2_in1_max_pool_3x3,reduce_n2_in1_avg_pool_3x3
                0,0.5,0.0,0.1,0.3,0.4,0.0,0.2,0.0
                1,0.6,0.0,0.4,-0.2,0.4,0.0,0.3,0.1
                2,0.8,0.0,0.5,0.0,0.4,0.0,0.1,-0.4
                """);
        if (finished) {
            GenotypeJson.write(dir.resolve("genotype.json"), GENOTYPE);
            Files.writeString(dir.resolve("result.json"), "{\"strategy\":\"two-stage\",\"validAccuracy\":0.52}");
        }
        return dir;
    }

    /** A finished two-stage search of nas-bench-201 with the table's columns (percent, as the table). */
    static Path nb201Search(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("provenance.json"), provenance("search", "two-stage", 5));
        Files.writeString(dir.resolve("config.yaml"), "epochs: 2\nlayers: 1\n");
        Files.writeString(dir.resolve("metrics.csv"), """
                epoch,lr,train_loss,train_acc,arch_loss,valid_loss,valid_acc,benchmark_cifar10,benchmark_cifar100,benchmark_imagenet16,cell_n1,cell_n2,cell_n3,seconds
                0,0.1,2.0,0.30,2.1,1.9,0.35,71.05,51.05,35.52,nor_conv_1x1@0,nor_conv_1x1@0+nor_conv_3x3@1,nor_conv_3x3@0+skip_connect@1+nor_conv_3x3@2,10.0
                1,0.05,1.5,0.50,1.6,1.4,0.55,64.13,44.13,32.06,nor_conv_1x1@0,nor_conv_1x1@0+nor_conv_3x3@1,nor_conv_1x1@0+skip_connect@1+nor_conv_3x3@2,12.0
                """);
        Files.writeString(dir.resolve("genotype.json"), "{\"space\": \"nas-bench-201\", \"arch\": "
                + "\"|nor_conv_1x1~0|+|nor_conv_1x1~0|nor_conv_3x3~1|+|nor_conv_1x1~0|skip_connect~1|nor_conv_3x3~2|\"}\n");
        Files.writeString(dir.resolve("result.json"), "{\"strategy\":\"two-stage\",\"validAccuracy\":0.55}");
        return dir;
    }

    static Path evaluation(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("provenance.json"), provenance("evaluate", null, 9));
        Files.writeString(dir.resolve("config.yaml"), "epochs: 2\n");
        Files.writeString(dir.resolve("metrics.csv"), """
                epoch,lr,drop_path,train_loss,train_acc,test_loss,test_acc,seconds
                0,0.1,0.0,1.8,0.40,1.7,0.45,100.0
                1,0.05,0.1,1.3,0.60,1.2,0.62,120.0
                """);
        GenotypeJson.write(dir.resolve("genotype.json"), GENOTYPE);
        Files.writeString(dir.resolve("result.json"), "{\"testAccuracy\":0.61,\"testLoss\":1.2,\"parameters\":12345}");
        return dir;
    }
}
