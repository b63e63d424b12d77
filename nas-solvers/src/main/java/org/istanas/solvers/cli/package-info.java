/**
 * Everything behind {@code istanas recover} that does not need picocli: reading A and b from CSV with errors
 * that name the file, line and column, running a solver, and formatting the answer as text or JSON. The nas-app
 * command class is a thin wrapper around {@link org.istanas.solvers.cli.RecoveryTool}.
 */
package org.istanas.solvers.cli;
