/** The search-strategy extension point. */
package org.istanas.api.search;
