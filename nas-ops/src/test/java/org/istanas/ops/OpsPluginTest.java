package org.istanas.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.spi.NasPlugin;
import org.junit.jupiter.api.Test;

final class OpsPluginTest {
    @Test
    void registersThePaperOperationsInZLayoutOrder() {
        List<NasPlugin> plugins = ServiceLoader.load(NasPlugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof OpsPlugin).toList();
        assertThat(plugins).hasSize(1);
        assertThat(plugins.get(0).operations()).extracting(CandidateOperation::name)
                .containsExactlyElementsOf(Primitives.PAPER);
        assertThat(plugins.get(0).operations()).extracting(CandidateOperation::parameterFree)
                .containsExactly(true, true, true, false, false, false, false);
    }
}
