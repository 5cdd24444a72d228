package org.stancebench.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * What one trained classifier costs to hold and to make, as measured by the bench runner before
 * JMH starts: training time, bytes on disk, Java heap retained by a loaded model, and the growth of
 * the process's resident set while loading it (which includes native memory held by DJL engines).
 *
 * <p>Immutable; byte counts are not negative. {@code heapBytes} is the difference of used heap after
 * full collections before and after loading a second copy (the first load pays for engine and class
 * initialisation); {@code rssBytes} is the same difference of {@code VmRSS}, null off Linux. Both
 * are estimates: the JVM does not promise that {@code System.gc()} collects everything.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelFootprint(String classifier, double trainSeconds, long diskBytes, long heapBytes,
                             Long rssBytes) {
    public ModelFootprint {
        Objects.requireNonNull(classifier, "classifier");
        if (!(trainSeconds >= 0) || diskBytes < 0 || heapBytes < 0) {
            throw new IllegalArgumentException("negative figure in the footprint of " + classifier);
        }
    }
}
