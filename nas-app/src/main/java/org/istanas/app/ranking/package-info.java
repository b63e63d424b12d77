/**
 * Super-net rankings: how well a trained super-net's one-shot accuracies order architectures against their
 * benchmark accuracies ({@code istanas supernet-rank}).
 */
package org.istanas.app.ranking;
