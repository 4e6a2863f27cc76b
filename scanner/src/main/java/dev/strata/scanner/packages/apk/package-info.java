/** Alpine apk database: {@code lib/apk/db/installed}. */
package dev.strata.scanner.packages.apk;
