/**
 * Configuration: immutable records bound from YAML/JSON with Jackson, validated in their compact constructors.
 *
 * <p>A configuration type is a record with {@code @JsonProperty} camelCase names, a
 * {@code public static T defaults()} method and validation that throws {@link IllegalArgumentException} naming
 * the key. {@link org.istanas.api.config.ConfigLoader} layers defaults, a preset, a file and {@code --set}
 * overrides; {@link org.istanas.api.config.ConfigWriter} writes the effective configuration back.
 *
 * <p>Every configuration record pins its defaults and key names with one test:
 * <pre>{@code
 * assertThat(ConfigWriter.toMap(SearchConfig.defaults())).isEqualTo(Map.of("epochs", 50, "sparsity", 2));
 * assertThat(ConfigLoader.load(SearchConfig.class, Map.of(), null, List.of())).isEqualTo(SearchConfig.defaults());
 * }</pre>
 */
package org.istanas.api.config;
