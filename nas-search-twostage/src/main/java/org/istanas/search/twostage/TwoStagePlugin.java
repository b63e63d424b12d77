package org.istanas.search.twostage;

import java.util.List;
import org.istanas.api.search.SearchStrategy;
import org.istanas.api.spi.NasPlugin;

/** Contributes the {@code two-stage} ISTA-NAS and {@code darts} search strategies. */
public final class TwoStagePlugin implements NasPlugin {
    @Override
    public List<SearchStrategy> searchStrategies() {
        return List.of(new TwoStageStrategy(), new DartsStrategy());
    }
}
