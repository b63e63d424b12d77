/** The {@code istanas} application: {@link org.istanas.app.Main} composes plugins, wiring and the CLI. */
package org.istanas.app;
