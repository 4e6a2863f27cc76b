/** Debian package database: {@code var/lib/dpkg/status}, {@code status.d/*} and {@code info/*.list|md5sums}. */
package dev.strata.scanner.packages.dpkg;
