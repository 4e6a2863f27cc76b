/** The image model: digests, descriptors, manifests, indexes, configs and platforms. */
package dev.strata.scanner.image;
