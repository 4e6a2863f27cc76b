package dev.strata.scanner.union;

/** What a layer did to a path of the filesystem below it. */
public enum ChangeKind {
    ADDED, MODIFIED, DELETED
}
