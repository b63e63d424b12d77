package org.istanas.app.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.List;
import org.istanas.api.Named;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.op.OpBlock;
import org.istanas.api.op.OpBuilder;
import org.istanas.api.op.OpSpec;
import org.istanas.api.spi.NasPlugin;
import org.istanas.app.plugin.PluginRegistry;
import org.istanas.ops.OpsPlugin;
import org.istanas.api.network.NetworkEngine;
import org.junit.jupiter.api.Test;

/** A loaded operation plugin takes part in a search only when the search names it. */
class SearchOperationsTest {
    private static final CandidateOperation EXTRA = new CandidateOperation() {
        @Override
        public String name() {
            return "fixture_identity";
        }

        @Override
        public String description() {
            return "identity (test fixture)";
        }

        @Override
        public OpBlock build(OpBuilder builder, OpSpec spec) {
            return builder.identity();
        }
    };

    private static Istanas istanas() {
        NasPlugin extraOps = new NasPlugin() {
            @Override
            public List<CandidateOperation> operations() {
                return List.of(EXTRA);
            }
        };
        PluginRegistry registry = PluginRegistry.builder().add(new OpsPlugin(), "classpath")
                .add(extraOps, "plugins/extra/extra.jar").build();
        NetworkEngine unused = (NetworkEngine) Proxy.newProxyInstance(NetworkEngine.class.getClassLoader(),
                new Class<?>[] {NetworkEngine.class}, (proxy, method, args) -> {
                    throw new AssertionError("the engine is not needed to choose operations");
                });
        return Istanas.of(registry, unused);
    }

    @Test
    void loadedPluginOperationDoesNotJoinTheDefaultSearch() {
        List<String> names = istanas().searchOperations("darts", List.of()).stream().map(Named::name).toList();
        assertThat(names).containsExactly("max_pool_3x3", "avg_pool_3x3", "skip_connect", "sep_conv_3x3",
                "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5");
    }

    @Test
    void namedOperationsJoinInTheGivenOrder() {
        List<CandidateOperation> ops = istanas().searchOperations("darts",
                List.of("skip_connect", "fixture_identity", "sep_conv_3x3"));
        assertThat(ops).extracting(Named::name).containsExactly("skip_connect", "fixture_identity", "sep_conv_3x3");
        assertThat(ops.get(1)).isSameAs(EXTRA);
        assertThat(Istanas.joinNames(ops)).isEqualTo("skip_connect,fixture_identity,sep_conv_3x3");
    }

    @Test
    void unknownOrRepeatedOperationsAndUnknownSpacesAreErrors() {
        assertThatThrownBy(() -> istanas().searchOperations("darts", List.of("conv_7x7")))
                .hasMessageStartingWith("operations of the darts search: unknown operation 'conv_7x7'; known: [");
        assertThatThrownBy(() -> istanas().searchOperations("darts", List.of("skip_connect", "skip_connect")))
                .hasMessage("operations of the search name an operation twice: [skip_connect, skip_connect]");
        assertThatThrownBy(() -> istanas().searchOperations("nb101", List.of()))
                .hasMessage("unknown space 'nb101'; known: [darts, nas-bench-201]");
    }
}
