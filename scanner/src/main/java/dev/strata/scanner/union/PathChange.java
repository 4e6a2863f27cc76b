package dev.strata.scanner.union;

import dev.strata.scanner.layer.EntryType;

/** One path a layer added, modified or deleted; {@code size} is the new size (added/modified) or the removed size. */
public record PathChange(String path, ChangeKind kind, EntryType type, long size) {
}
