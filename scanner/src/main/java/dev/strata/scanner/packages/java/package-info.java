/**
 * Java archives: {@code META-INF/MANIFEST.MF}, Maven {@code pom.properties} and jar file names, and
 * {@link dev.strata.scanner.packages.java.JavaArchiveAnalyzer}, which streams archives and the archives nested in them.
 */
package dev.strata.scanner.packages.java;
