package org.istanas.ops.engine.optim;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.istanas.ops.engine.nn.Param;
import org.istanas.api.network.ParameterGroup;

/** The engine's {@link ParameterGroup}: a live, stably ordered list of {@link Param}s. */
public final class ParamGroup implements ParameterGroup {
    private final Supplier<List<Param>> params;

    public ParamGroup(Supplier<List<Param>> params) {
        this.params = Objects.requireNonNull(params, "params is null");
    }

    public static ParamGroup of(List<Param> params) {
        List<Param> copy = List.copyOf(params);
        return new ParamGroup(() -> copy);
    }

    public List<Param> params() {
        return params.get();
    }

    @Override
    public long size() {
        return params().stream().mapToLong(Param::size).sum();
    }

    /** Unwraps a group built by this engine; other groups are an error naming their class. */
    public static ParamGroup of(ParameterGroup group) {
        Objects.requireNonNull(group, "parameter group is null");
        if (group instanceof ParamGroup g) {
            return g;
        }
        throw new IllegalArgumentException("parameter group " + group.getClass().getName()
                + " does not belong to the ND4J engine");
    }
}
