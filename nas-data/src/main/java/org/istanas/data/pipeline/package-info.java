/**
 * The training data pipeline: {@link org.istanas.data.pipeline.Augmentation} (CIFAR and ImageNet recipes),
 * {@link org.istanas.data.pipeline.BatchLoader} (deterministic, prefetching, resumable mini-batches) and
 * {@link org.istanas.data.pipeline.TrainValidSplit} (the two-stage search's weights/architecture halves).
 */
package org.istanas.data.pipeline;
