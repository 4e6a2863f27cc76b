package dev.strata.scanner.packages.java;

import dev.strata.scanner.packages.ParseWarning;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The main section of a jar manifest. Attribute names compare case-insensitively (JAR spec); values are trimmed.
 */
public record JarManifest(Map<String, String> mainAttributes, List<ParseWarning> warnings) {

    public JarManifest {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(mainAttributes);
        mainAttributes = java.util.Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
    }

    /** An attribute of the main section; empty when absent or blank. */
    public Optional<String> get(String name) {
        String v = mainAttributes.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    public Optional<String> implementationTitle() {
        return get("Implementation-Title");
    }

    public Optional<String> implementationVendor() {
        return get("Implementation-Vendor");
    }

    public Optional<String> implementationVersion() {
        return get("Implementation-Version");
    }

    /** {@code Bundle-SymbolicName} without its directives and attributes ({@code ;singleton:=true}). */
    public Optional<String> bundleSymbolicName() {
        return get("Bundle-SymbolicName").map(v -> {
            int semi = v.indexOf(';');
            return (semi >= 0 ? v.substring(0, semi) : v).strip();
        }).filter(v -> !v.isEmpty());
    }

    public Optional<String> bundleVersion() {
        return get("Bundle-Version");
    }

    public Optional<String> automaticModuleName() {
        return get("Automatic-Module-Name");
    }

    public Optional<String> springBootVersion() {
        return get("Spring-Boot-Version");
    }

    public Optional<String> startClass() {
        return get("Start-Class");
    }

    /** Whether this is a Spring Boot executable archive (has {@code Spring-Boot-Version}). */
    public boolean isSpringBootArchive() {
        return springBootVersion().isPresent();
    }
}
