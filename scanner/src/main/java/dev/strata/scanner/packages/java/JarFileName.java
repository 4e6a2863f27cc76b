package dev.strata.scanner.packages.java;

/**
 * What a jar's file name says: {@code <artifactId>[-<version>][-<classifier>].jar}. {@code version} and
 * {@code classifier} are null when the name has none.
 */
public record JarFileName(String artifactId, String version, String classifier) {
}
