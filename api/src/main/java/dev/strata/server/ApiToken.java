package dev.strata.server;

/** One bearer token of the config file: a name for logs, the secret, and what it may do. */
public record ApiToken(String name, String token, Role role) {
}
