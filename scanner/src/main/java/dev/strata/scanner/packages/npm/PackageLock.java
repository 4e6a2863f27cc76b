package dev.strata.scanner.packages.npm;

import dev.strata.scanner.packages.ParseWarning;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed {@code package-lock.json}: its lockfile version, packages in file order, and warnings. */
public record PackageLock(int lockfileVersion, List<LockedPackage> packages, List<ParseWarning> warnings) {

    public PackageLock {
        packages = List.copyOf(packages);
        warnings = List.copyOf(warnings);
    }

    /** Install path to scope, in file order. */
    public Map<String, NpmScope> scopesByPath() {
        Map<String, NpmScope> out = new LinkedHashMap<>();
        packages.forEach(p -> out.put(p.path(), p.scope()));
        return out;
    }
}
