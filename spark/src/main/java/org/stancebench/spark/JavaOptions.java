package org.stancebench.spark;

import org.apache.spark.launcher.JavaModuleOptions;

/**
 * The JVM options Spark needs on Java 17 ({@code --add-opens} for the JDK packages it reaches into),
 * as Spark's own launcher lists them: given to every executor JVM. The driver JVM gets the same list
 * from the {@code ./stancebench} launcher and from Surefire (the pom's {@code spark.java.options});
 * {@code JavaOptionsTest} checks that list against this one.
 */
final class JavaOptions {
    /** Spark's {@link JavaModuleOptions#defaultModuleOptions()}. */
    static final String MODULE_OPTIONS = JavaModuleOptions.defaultModuleOptions();

    private JavaOptions() {
    }
}
