/** The plugin entry point: one {@link org.istanas.api.spi.NasPlugin} per plugin jar, with empty defaults. */
package org.istanas.api.spi;
