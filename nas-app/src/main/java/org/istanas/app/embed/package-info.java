/**
 * The embedding API: search, resume and evaluation from Java in a few lines, over the same plugin catalog and engine
 * the command line uses.
 * <pre>{@code
 * Istanas nas = Istanas.create();
 * SearchReport report = nas.search().strategy("two-stage").dataset("synthetic").preset("smoke").seed(2).run();
 * Genotype cell = report.best().genotype();
 * EvaluationReport eval = nas.evaluate(cell).dataset("synthetic").preset("smoke").run();
 * }</pre>
 * The command-line subcommands are thin wrappers over these builders.
 */
package org.istanas.app.embed;
