/** Seeded bootstrap intervals and paired significance tests with Holm correction, on Commons Math. */
package org.stancebench.eval.stats;
