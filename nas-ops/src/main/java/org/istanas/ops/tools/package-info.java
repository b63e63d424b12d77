/** Engine-backed tools behind CLI commands (parameter counting). */
package org.istanas.ops.tools;
