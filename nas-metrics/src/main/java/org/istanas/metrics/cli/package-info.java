/**
 * The logic of the {@code istanas rank} command, free of any command-line framework so that it can be tested and
 * embedded: {@link org.istanas.metrics.cli.RankTool} reads two CSV columns, computes the requested statistics and
 * formats them as text or JSON. The picocli command in nas-app only maps options onto
 * {@link org.istanas.metrics.cli.RankOptions}.
 */
package org.istanas.metrics.cli;
