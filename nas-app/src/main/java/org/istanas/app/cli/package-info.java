/** The {@code istanas} command line: picocli subcommands over the embedding API. */
package org.istanas.app.cli;
