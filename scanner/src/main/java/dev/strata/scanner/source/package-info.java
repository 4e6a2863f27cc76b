/** Image sources on disk (docker-archive, OCI layout, oci-archive) and the references that name them. */
package dev.strata.scanner.source;
