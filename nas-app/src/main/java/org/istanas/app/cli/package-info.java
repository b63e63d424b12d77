/**
 * The {@code istanas} command line (picocli). {@link org.istanas.app.cli.IstanasCommand} is the root; subcommands
 * are created by {@link org.istanas.app.cli.GuiceFactory} and may inject application bindings. Errors follow
 * {@link org.istanas.app.cli.CliErrors}: one line on stderr, exit 1 for failures and 2 for usage errors. The run
 * commands ({@code search}, {@code resume}, {@code evaluate}, {@code demo}) are thin wrappers over the embedding API
 * of {@link org.istanas.app.embed}.
 */
package org.istanas.app.cli;
