package dev.strata.index.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The live generation of the vulnerability database, when it was built, and what each source contributed to it.
 * {@code generation} and {@code builtAt} together identify the database a report was matched against.
 */
public record DatabaseStatus(String generation, Instant builtAt, List<SourceStatus> sources) {

    public DatabaseStatus {
        sources = List.copyOf(sources);
    }

    /** The status of one source, if it was ever imported. */
    public Optional<SourceStatus> source(String name) {
        return sources.stream().filter(s -> s.source().equals(name)).findFirst();
    }

    /** Stored documents per ecosystem over all sources. */
    public Map<String, Long> documentsByEcosystem() {
        Map<String, Long> out = new TreeMap<>();
        sources.forEach(s -> s.documentsByEcosystem().forEach((e, n) -> out.merge(e, n, Long::sum)));
        return out;
    }

    void write(Path file) throws IOException {
        ObjectNode root = AdvisoryJson.MAPPER.createObjectNode();
        root.put("generation", generation);
        root.put("builtAt", builtAt.toString());
        ArrayNode array = root.putArray("sources");
        for (SourceStatus s : sources) {
            ObjectNode o = array.addObject();
            o.put("source", s.source()).put("importedAt", s.importedAt().toString());
            s.files().forEach(o.putArray("files")::add);
            ObjectNode counts = o.putObject("documentsByEcosystem");
            new TreeMap<>(s.documentsByEcosystem()).forEach(counts::put);
            o.put("withdrawn", s.withdrawn()).put("malformed", s.malformed());
            s.malformedNames().forEach(o.putArray("malformedNames")::add);
        }
        Files.writeString(file, AdvisoryJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    static DatabaseStatus read(Path file) throws IOException {
        JsonNode root = AdvisoryJson.MAPPER.readTree(file.toFile());
        List<SourceStatus> sources = new ArrayList<>();
        for (JsonNode o : root.path("sources")) {
            Map<String, Long> counts = new TreeMap<>();
            o.path("documentsByEcosystem").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
            sources.add(new SourceStatus(o.get("source").asText(), Instant.parse(o.get("importedAt").asText()),
                    texts(o.path("files")), counts, o.path("withdrawn").asLong(), o.path("malformed").asLong(),
                    texts(o.path("malformedNames"))));
        }
        Instant builtAt = root.hasNonNull("builtAt") ? Instant.parse(root.get("builtAt").asText())
                : sources.stream().map(SourceStatus::importedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        return new DatabaseStatus(root.path("generation").asText(), builtAt, sources);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
