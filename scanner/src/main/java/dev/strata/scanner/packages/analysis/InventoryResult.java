package dev.strata.scanner.packages.analysis;

import dev.strata.scanner.packages.InstalledPackage;
import dev.strata.scanner.packages.os.OsInfo;

import java.util.List;
import java.util.Map;

/**
 * The packages installed in an image's final filesystem; {@code os} is null when no distribution was found;
 * {@code scopes} maps the metadata path of npm packages a lockfile marks as not needed in production to
 * {@code dev} or {@code optional}.
 */
public record InventoryResult(OsInfo os, List<InstalledPackage> packages, List<String> warnings, List<String> notes,
                              Map<String, String> scopes) {

    public InventoryResult {
        scopes = scopes == null ? Map.of() : Map.copyOf(scopes);
        packages = List.copyOf(packages);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }
}
