/** Reading a run folder's files (metrics, codes, genotype, provenance, result) without the engine. */
package org.istanas.report.run;
