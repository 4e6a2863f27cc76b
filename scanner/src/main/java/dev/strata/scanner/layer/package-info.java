/** Streaming one layer blob: decompression, digest verification, tar parsing and per-file hashing. */
package dev.strata.scanner.layer;
