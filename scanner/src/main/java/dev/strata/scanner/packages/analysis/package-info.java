/** Package detection on the layer stream: file analysers, per-layer findings and the image-level inventory. */
package dev.strata.scanner.packages.analysis;
