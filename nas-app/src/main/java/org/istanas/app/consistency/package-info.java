/**
 * The consistency experiment of the ISTA-NAS paper: how well does an architecture's accuracy during the search
 * (super-net validation accuracy) predict its accuracy when retrained stand-alone? {@link
 * org.istanas.app.consistency.ConsistencyExperiment} runs N searches with derived seeds, retrains each genotype found,
 * and reports Kendall's τ and Spearman's ρ between the two accuracies (statistics from {@code nas-metrics}). Every
 * search and evaluation is an ordinary run folder under the experiment folder, so an interrupted experiment resumes
 * with the run machinery of {@code org.istanas.api.run} and finished runs are reused.
 */
package org.istanas.app.consistency;
