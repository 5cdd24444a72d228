/** The results schema (stancebench-results, version 1) as records, and its reader and writer. */
package org.stancebench.eval.results;
