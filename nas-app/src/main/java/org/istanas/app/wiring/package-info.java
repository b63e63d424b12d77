/**
 * Guice wiring, the one place where the application is assembled: {@link org.istanas.app.wiring.PluginModule} binds
 * a {@code MapBinder} per extension point, installs the modules of plugins and binds the catalog over the maps
 * ({@link org.istanas.app.wiring.InjectedCatalog}); {@link org.istanas.app.wiring.EngineModule} binds the network
 * engine; {@link org.istanas.app.wiring.IstanasInjector} puts them together with the settings;
 * {@link org.istanas.app.wiring.PluginListing} is what {@code istanas plugins} lists.
 */
package org.istanas.app.wiring;
