package dev.strata.app.vulndb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code db update} remembers per source URL for conditional requests: the {@code ETag} and
 * {@code Last-Modified} of the copy that is in the database. Kept in {@code vulndb/sources-state.json}, replaced
 * atomically, and only written after the import of that copy succeeded.
 */
public final class SourceState {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The validators of one downloaded copy; either may be null. */
    public record Validators(String etag, String lastModified) {
    }

    private final Path file;
    private final Map<String, Validators> byUrl = new TreeMap<>();

    private SourceState(Path file) {
        this.file = file;
    }

    /** Reads the state file under {@code vulndbDir} (empty when absent or unreadable: the next update is unconditional). */
    public static SourceState load(Path vulndbDir) throws IOException {
        SourceState state = new SourceState(vulndbDir.resolve("sources-state.json"));
        try {
            JsonNode root = MAPPER.readTree(Files.readAllBytes(state.file));
            root.fields().forEachRemaining(e -> state.byUrl.put(e.getKey(), new Validators(
                    text(e.getValue(), "etag"), text(e.getValue(), "lastModified"))));
        } catch (NoSuchFileException e) {
            // first update
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // a damaged state only costs one unconditional download
        }
        return state;
    }

    public Optional<Validators> get(FeedSource source) {
        return Optional.ofNullable(byUrl.get(source.url().toString()));
    }

    public void put(FeedSource source, Validators validators) {
        byUrl.put(source.url().toString(), validators);
    }

    /** Writes the state (temp file, then atomic rename). */
    public void save() throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        byUrl.forEach((url, v) -> root.putObject(url).put("etag", v.etag()).put("lastModified", v.lastModified()));
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
