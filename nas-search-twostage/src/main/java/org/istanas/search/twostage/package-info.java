/**
 * Two-stage ISTA-NAS (Algorithm 1 of the paper, {@code two-stage}) and first-order DARTS ({@code darts}) as search
 * strategy plugins, with their configuration records and presets. Both drive their super-net through the shared
 * {@link org.istanas.search.toolkit.training.TrainingLoop} and write the same run-folder layout.
 */
package org.istanas.search.twostage;
