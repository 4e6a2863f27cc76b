/** npm: {@code package.json} manifests and {@code package-lock.json} lockfiles (versions 1, 2 and 3). */
package dev.strata.scanner.packages.npm;
