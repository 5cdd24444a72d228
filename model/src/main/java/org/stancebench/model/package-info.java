/** StanceBench model. */
package org.stancebench.model;
