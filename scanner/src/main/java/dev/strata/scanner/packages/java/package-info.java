/** Java archives: {@code META-INF/MANIFEST.MF}, Maven {@code pom.properties} and jar file names. */
package dev.strata.scanner.packages.java;
