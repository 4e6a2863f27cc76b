package dev.strata.scanner.image;

import java.util.List;
import java.util.Map;

/**
 * The parts of an image configuration blob that Strata reports: platform, creation, the runtime
 * config, the layer diffIDs (lowest first) and the build history.
 */
public record ImageConfig(String architecture, String os, String variant, String created, String author,
                          RuntimeConfig config, List<Digest> diffIds, List<HistoryEntry> history) {
    public ImageConfig {
        diffIds = List.copyOf(diffIds);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public Platform platform() {
        return new Platform(os, architecture, variant);
    }

    /** The container defaults of the config's {@code config} object (Docker's {@code Config}). */
    public record RuntimeConfig(String user, List<String> env, List<String> entrypoint, List<String> cmd,
                                String workingDir, List<String> exposedPorts, List<String> volumes,
                                Map<String, String> labels, String stopSignal) {
        public static final RuntimeConfig EMPTY =
                new RuntimeConfig(null, List.of(), null, null, null, List.of(), List.of(), Map.of(), null);
    }

    /** One {@code history[]} entry; empty layers add no diffID. */
    public record HistoryEntry(String created, String createdBy, String author, String comment, boolean emptyLayer) {
    }
}
