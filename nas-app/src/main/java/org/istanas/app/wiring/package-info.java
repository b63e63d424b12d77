/**
 * Guice wiring: {@link org.istanas.app.wiring.PluginModule} binds the plugin catalog and a {@code MapBinder} per
 * extension point, {@link org.istanas.app.wiring.EngineModule} the network engine, and
 * {@link org.istanas.app.wiring.IstanasInjector} puts them together.
 */
package org.istanas.app.wiring;
