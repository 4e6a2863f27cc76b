/**
 * The OCI distribution (registry) pull protocol: Docker-style image references, {@code WWW-Authenticate}
 * challenges, token responses, retry and rate-limit rules (pure code), and the Vert.x client, the
 * content-addressed blob store and the registry {@link dev.strata.scanner.source.ImageSource} built on them.
 */
package dev.strata.scanner.registry;
