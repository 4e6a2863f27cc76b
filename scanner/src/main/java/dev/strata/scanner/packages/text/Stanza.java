package dev.strata.scanner.packages.text;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A block of fields in file order; names compare case-insensitively and may repeat. */
public record Stanza(List<StanzaField> fields, int firstLine) {

    public Stanza {
        fields = List.copyOf(fields);
    }

    /** The first field with this name, value trimmed; empty when absent. */
    public Optional<String> first(String name) {
        for (StanzaField f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f.value().strip());
            }
        }
        return Optional.empty();
    }

    /** All values of the fields with this name, trimmed, in file order. */
    public List<String> all(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return fields.stream()
                .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(wanted))
                .map(f -> f.value().strip())
                .toList();
    }

    /** Whether a field with this name is present. */
    public boolean has(String name) {
        return first(name).isPresent();
    }
}
