/** StanceBench reports. */
package org.stancebench.reports;
