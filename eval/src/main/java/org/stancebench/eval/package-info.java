/** StanceBench eval. */
package org.stancebench.eval;
