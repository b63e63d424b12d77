/**
 * The search-strategy extension point: {@link org.istanas.api.search.SearchStrategy} (configuration type,
 * presets, search and resume), the {@link org.istanas.api.search.SearchContext} a strategy runs in and the
 * {@link org.istanas.api.search.SearchOutcome} it returns.
 */
package org.istanas.api.search;
