package dev.strata.scanner.packages.analysis;

import dev.strata.scanner.packages.npm.NpmScope;

import java.util.Map;
import java.util.TreeMap;

/**
 * The non-production scopes a lockfile ({@code path}) declares, keyed by the absolute path of the
 * {@code package.json} of each development-only or optional package it installs.
 */
public record NpmLockScopes(String path, Map<String, NpmScope> scopes) {

    public NpmLockScopes {
        scopes = scopes == null ? Map.of() : new TreeMap<>(scopes);
    }
}
