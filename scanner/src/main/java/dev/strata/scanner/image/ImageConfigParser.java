package dev.strata.scanner.image;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Parses an image configuration blob (OCI or Docker) into an {@link ImageConfig}. */
public final class ImageConfigParser {
    private ImageConfigParser() {
    }

    /** Parses {@code json}; {@code digest} (nullable) only names the blob in error messages. */
    public static ImageConfig parse(byte[] json, Digest digest) throws ImageFormatException {
        return parse(json, digest == null ? "image config" : "image config " + digest);
    }

    /** Parses {@code json}; {@code what} names the blob in error messages. */
    public static ImageConfig parse(byte[] json, String what) throws ImageFormatException {
        JsonNode root = Json.read(json, what);
        if (!root.isObject()) {
            throw new ImageFormatException(what + " is not a JSON object");
        }
        String architecture = Json.text(root, "architecture");
        String os = Json.text(root, "os");
        if (architecture == null || architecture.isBlank()) {
            throw new ImageFormatException(what + " has no architecture");
        }
        if (os == null || os.isBlank()) {
            throw new ImageFormatException(what + " has no os");
        }
        JsonNode rootfs = root.get("rootfs");
        if (rootfs == null || !rootfs.isObject()) {
            throw new ImageFormatException(what + " has no rootfs");
        }
        JsonNode diffIdsNode = rootfs.get("diff_ids");
        if (diffIdsNode == null || !diffIdsNode.isArray()) {
            throw new ImageFormatException(what + " has no rootfs.diff_ids");
        }
        List<Digest> diffIds = new ArrayList<>();
        for (int i = 0; i < diffIdsNode.size(); i++) {
            try {
                diffIds.add(Digest.parse(diffIdsNode.get(i).isTextual() ? diffIdsNode.get(i).asText() : null));
            } catch (IllegalArgumentException e) {
                throw new ImageFormatException(what + " rootfs.diff_ids[" + i + "] is bad: " + e.getMessage());
            }
        }
        ImageConfig.RuntimeConfig runtime = ImageConfig.RuntimeConfig.EMPTY;
        JsonNode c = root.get("config");
        if (c != null && c.isObject()) {
            List<String> env = Json.stringList(c, "Env");
            runtime = new ImageConfig.RuntimeConfig(
                    Json.text(c, "User"),
                    env == null ? List.of() : env,
                    Json.stringList(c, "Entrypoint"),
                    Json.stringList(c, "Cmd"),
                    Json.text(c, "WorkingDir"),
                    Json.keys(c, "ExposedPorts"),
                    Json.keys(c, "Volumes"),
                    Json.stringMap(c, "Labels"),
                    Json.text(c, "StopSignal"));
        }
        List<ImageConfig.HistoryEntry> history = new ArrayList<>();
        JsonNode h = root.get("history");
        if (h != null && h.isArray()) {
            for (JsonNode e : h) {
                if (!e.isObject()) {
                    continue;
                }
                JsonNode empty = e.get("empty_layer");
                history.add(new ImageConfig.HistoryEntry(Json.text(e, "created"), Json.text(e, "created_by"),
                        Json.text(e, "author"), Json.text(e, "comment"), empty != null && empty.asBoolean(false)));
            }
        }
        return new ImageConfig(architecture, os, Json.text(root, "variant"), Json.text(root, "created"),
                Json.text(root, "author"), runtime, diffIds, history);
    }
}
