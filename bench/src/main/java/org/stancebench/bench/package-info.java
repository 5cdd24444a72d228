/** StanceBench bench. */
package org.stancebench.bench;
