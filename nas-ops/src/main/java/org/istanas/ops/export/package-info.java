/**
 * Export of trained target networks to DeepLearning4J model files (SameDiff and ComputationGraph). A network is
 * walked once ({@link org.istanas.ops.export.NetworkGraph}): cells through a cell exporter keyed by cell class,
 * operations through a table keyed by operation name whose default writes the engine primitives an operation is
 * made of ({@link org.istanas.ops.export.OperationExporters}); a {@link org.istanas.ops.export.GraphWriter} per
 * file format turns the primitives into graph nodes.
 */
package org.istanas.ops.export;
