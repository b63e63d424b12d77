package org.istanas.api.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.nio.file.Path;

/** The strictly configured Jackson mappers shared by {@link ConfigLoader} and {@link ConfigWriter}. */
final class ConfigMappers {
    static final ObjectMapper JSON = configure(JsonMapper.builder()).build();
    static final ObjectMapper YAML = configure(YAMLMapper.builder(YAMLFactory.builder()
                    .stringQuotingChecker(new QuoteWhatReadsBackAsAnotherType()).build())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)).build();

    private ConfigMappers() {
    }

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
        return builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .addModule(new SimpleModule("istanas-config").addSerializer(Path.class, new PathAsText()));
    }

    /** Paths are written as typed by the user ({@code data/cifar10}), not as {@code file:///} URIs. */
    private static final class PathAsText extends StdSerializer<Path> {
        private static final long serialVersionUID = 1L;

        PathAsText() {
            super(Path.class);
        }

        @Override
        public void serialize(Path value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }

    /**
     * Jackson's YAML reader takes {@code 1e-5} for a number although the default checker leaves it unquoted, so a
     * string such as a solver name "1e-5" would come back as "1.0E-5": quote every string that the override parser
     * (YAML too) would read as something else.
     */
    private static final class QuoteWhatReadsBackAsAnotherType extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || !OverrideValues.readsBackAsItself(value);
        }
    }
}
