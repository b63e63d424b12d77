/**
 * Plugin discovery: {@link org.istanas.app.plugin.PluginLoader} runs {@link java.util.ServiceLoader} over the
 * application class path and over each plugin directory, and {@link org.istanas.app.plugin.PluginRegistry} (the
 * {@link org.istanas.api.spi.PluginCatalog}) records every contribution with the jar it came from.
 */
package org.istanas.app.plugin;
