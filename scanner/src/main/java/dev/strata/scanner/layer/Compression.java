package dev.strata.scanner.layer;

/** How a layer blob is compressed. */
public enum Compression {
    NONE, GZIP, ZSTD
}
