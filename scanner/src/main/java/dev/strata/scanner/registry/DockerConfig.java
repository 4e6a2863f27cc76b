package dev.strata.scanner.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The parts of {@code ~/.docker/config.json} that name credentials: {@code auths} entries ({@code auth} =
 * base64 of {@code user:password}, or {@code username}/{@code password}, and {@code identitytoken}),
 * {@code credHelpers} per registry
 * and the default {@code credsStore}.
 */
public final class DockerConfig {
    /** The key Docker uses for Docker Hub in config files and credential helpers. */
    public static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonNode root;
    private final String describe;

    private DockerConfig(JsonNode root, String describe) {
        this.root = root;
        this.describe = describe;
    }

    /** Parses the file's bytes; {@code describe} names it in errors. */
    public static DockerConfig parse(byte[] json, String describe) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IOException(describe + " is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IOException(describe + " is not a JSON object");
        }
        return new DockerConfig(root, describe);
    }

    /** The keys a registry may be filed under, most specific first. */
    public static List<String> keysFor(String registry) {
        List<String> keys = new ArrayList<>();
        if (registry.equals(RegistryReference.DOCKER_HUB)) {
            keys.add(DOCKER_HUB_KEY);
            keys.add("index.docker.io");
            keys.add("docker.io");
            keys.add("https://index.docker.io");
        }
        keys.add(registry);
        keys.add("https://" + registry);
        keys.add("http://" + registry);
        keys.add("https://" + registry + "/v1/");
        keys.add("https://" + registry + "/v2/");
        return keys;
    }

    /**
     * Credentials stored inline under {@code auths} for {@code registry}: an {@code identitytoken} (with the
     * user name of {@code auth} or {@code username}, if any) wins over a password, as in Docker.
     */
    public Optional<Credentials> inline(String registry) throws IOException {
        JsonNode auths = root.path("auths");
        for (String key : keysFor(registry)) {
            JsonNode entry = auths.get(key);
            if (entry == null || !entry.isObject()) {
                continue;
            }
            String user = null;
            String password = null;
            String auth = entry.path("auth").asText("");
            if (!auth.isEmpty()) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new IOException("the auth entry for " + key + " in " + describe + " is not base64");
                }
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw new IOException("the auth entry for " + key + " in " + describe
                            + " is not user:password");
                }
                user = decoded.substring(0, colon);
                password = decoded.substring(colon + 1);
            } else if (entry.hasNonNull("username") && entry.hasNonNull("password")) {
                user = entry.get("username").asText();
                password = entry.get("password").asText();
            }
            String identityToken = entry.path("identitytoken").asText("");
            if (!identityToken.isEmpty()) {
                if (user == null) {
                    user = entry.path("username").asText("");
                }
                return Optional.of(Credentials.ofIdentityToken(user, identityToken));
            }
            if (user != null) {
                return Optional.of(new Credentials(user, password));
            }
        }
        return Optional.empty();
    }

    /** The credential helper (the NAME of {@code docker-credential-NAME}) for {@code registry}, if any. */
    public Optional<String> helper(String registry) {
        JsonNode helpers = root.path("credHelpers");
        for (String key : keysFor(registry)) {
            String name = helpers.path(key).asText("");
            if (!name.isEmpty()) {
                return Optional.of(name);
            }
        }
        String store = root.path("credsStore").asText("");
        return store.isEmpty() ? Optional.empty() : Optional.of(store);
    }

    /** The server URL to hand a credential helper for {@code registry}. */
    public static String helperServer(String registry) {
        return registry.equals(RegistryReference.DOCKER_HUB) ? DOCKER_HUB_KEY : registry;
    }
}
