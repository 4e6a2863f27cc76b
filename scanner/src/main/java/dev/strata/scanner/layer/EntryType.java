package dev.strata.scanner.layer;

/** The kind of a tar entry in a layer. */
public enum EntryType {
    FILE, DIRECTORY, SYMLINK, HARDLINK, CHAR_DEVICE, BLOCK_DEVICE, FIFO, WHITEOUT, OPAQUE_WHITEOUT;

    public boolean isWhiteout() {
        return this == WHITEOUT || this == OPAQUE_WHITEOUT;
    }
}
