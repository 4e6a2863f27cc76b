package dev.strata.scanner.packages.analysis;

import dev.strata.scanner.packages.InstalledPackage;
import dev.strata.scanner.packages.os.OsInfo;

import java.util.List;

/** The packages installed in an image's final filesystem; {@code os} is null when no distribution was found. */
public record InventoryResult(OsInfo os, List<InstalledPackage> packages, List<String> warnings, List<String> notes) {

    public InventoryResult {
        packages = List.copyOf(packages);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }
}
