/**
 * What a plugin that wires itself with Guice compiles against, beside the SPI (Druid's {@code DruidModule},
 * {@code JsonConfigProvider} and {@code PolyBind} are the models): {@link org.istanas.plugin.guice.GuicePlugin} brings
 * a module into the application's injector, {@link org.istanas.plugin.guice.ConfigBinder} binds a typed configuration
 * record from the {@code istanas.PREFIX.*} keys of the {@link org.istanas.plugin.guice.IstanasSettings}, and
 * {@link org.istanas.plugin.guice.NamedChoice} picks an implementation by name (or binds the one a setting names)
 * with the application's error text.
 */
package org.istanas.plugin.guice;
