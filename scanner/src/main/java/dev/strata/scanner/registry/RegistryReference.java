package dev.strata.scanner.registry;

import dev.strata.scanner.image.Digest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An image in a registry, named as Docker names it: {@code [registry[:port]/]repo[:tag][@digest]}, with an
 * optional {@code docker://} prefix. Docker Hub names are normalised ({@code nginx} →
 * {@code registry-1.docker.io/library/nginx:latest}); {@code digest} is null when pulling by tag.
 */
public record RegistryReference(String registry, String repository, String tag, Digest digest) {
    /** The Docker Hub API host every Docker Hub alias maps to. */
    public static final String DOCKER_HUB = "registry-1.docker.io";
    private static final Set<String> DOCKER_HUB_ALIASES = Set.of("docker.io", "index.docker.io",
            "registry.hub.docker.com", DOCKER_HUB);
    private static final Pattern NAME = Pattern.compile(
            "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");
    private static final Pattern HOST = Pattern.compile(
            "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
                    + "|\\[[0-9a-fA-F:.]+\\])(?::[0-9]{1,5})?");
    private static final String PREFIX = "docker://";

    public RegistryReference {
        if (registry == null || repository == null) {
            throw new IllegalArgumentException("registry and repository are required");
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
    }

    /** Parses and normalises {@code text}; throws {@link IllegalArgumentException} naming what is wrong. */
    public static RegistryReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty image reference");
        }
        String rest = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            String d = rest.substring(at + 1);
            try {
                digest = Digest.parse(d);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad digest in image reference '" + text + "': " + e.getMessage());
            }
            rest = rest.substring(0, at);
        }
        String registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")
                    || !first.equals(first.toLowerCase(Locale.ROOT))) {
                if (!HOST.matcher(first).matches()) {
                    throw new IllegalArgumentException("bad registry host '" + first + "' in image reference '"
                            + text + "'");
                }
                registry = DOCKER_HUB_ALIASES.contains(first) ? DOCKER_HUB : first;
                rest = rest.substring(slash + 1);
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("bad tag '" + tag + "' in image reference '" + text + "'");
            }
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("image reference '" + text + "' names no repository");
        }
        if (!NAME.matcher(rest).matches()) {
            throw new IllegalArgumentException("bad repository name '" + rest + "' in image reference '" + text
                    + "' (lower-case letters, digits and separators . _ __ - /)");
        }
        if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        return new RegistryReference(registry, rest, tag, digest);
    }

    /** True when {@code text} reads as a registry reference (used for bare arguments that are not paths). */
    public static boolean looksLikeReference(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The tag or digest to ask the registry for ({@code /v2/<repo>/manifests/<this>}). */
    public String manifestReference() {
        return digest != null ? digest.toString() : tag;
    }

    /** The same repository at {@code newDigest}, keeping the tag for display. */
    public RegistryReference withDigest(Digest newDigest) {
        return new RegistryReference(registry, repository, tag, newDigest);
    }

    /** {@code registry/repository}, the key of credentials and of token scopes. */
    public String repositoryPath() {
        return registry + "/" + repository;
    }

    /** The token scope for pulling this repository. */
    public String pullScope() {
        return "repository:" + repository + ":pull";
    }

    /** The normalised reference: {@code registry/repo:tag}, {@code registry/repo@digest} or both. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(repositoryPath());
        if (tag != null) {
            out.append(':').append(tag);
        }
        if (digest != null) {
            out.append('@').append(digest);
        }
        return out.toString();
    }
}
