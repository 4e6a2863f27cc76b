package dev.strata.index.dedup;

import java.util.List;

/**
 * Content found in more than one distinct layer of the index: how many such contents, their copies, the bytes
 * those copies occupy and the bytes a common layer would save, plus the top contents by saving.
 */
public record SharedContentReport(long contents, long copies, long storedBytes, long savedBytes,
                                  List<SharedContent> top) {
    public SharedContentReport {
        top = List.copyOf(top);
    }
}
