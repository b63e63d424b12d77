package org.istanas.search.onestage;

import java.util.List;
import org.istanas.api.search.SearchStrategy;
import org.istanas.api.spi.NasPlugin;

/** Contributes the {@code one-stage} ISTA-NAS search strategy. */
public final class OneStagePlugin implements NasPlugin {
    @Override
    public List<SearchStrategy> searchStrategies() {
        return List.of(new OneStageStrategy());
    }
}
