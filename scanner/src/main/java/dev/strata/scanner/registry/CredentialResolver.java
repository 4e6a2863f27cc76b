package dev.strata.scanner.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the credentials for a registry, first match wins: {@code --username/--password}, then
 * {@code STRATA_REGISTRY_USERNAME/PASSWORD}, then the Docker config ({@code $DOCKER_CONFIG/config.json} or
 * {@code ~/.docker/config.json}): its {@code auths} entry, else its credential helper. Either may give an
 * identity token (see {@link Credentials#hasIdentityToken()}), which the token flow uses as OAuth2 refresh token.
 */
public final class CredentialResolver {
    private final RegistryOptions options;
    private final Map<String, String> env;

    public CredentialResolver(RegistryOptions options, Map<String, String> env) {
        this.options = options;
        this.env = env;
    }

    /** Credentials for {@code registry} (host[:port]); empty means anonymous. */
    public Optional<Credentials> resolve(String registry) throws IOException {
        if (options.credentials() != null) {
            return Optional.of(options.credentials());
        }
        String user = env.get("STRATA_REGISTRY_USERNAME");
        String password = env.get("STRATA_REGISTRY_PASSWORD");
        if (user != null && !user.isEmpty() && password != null) {
            return Optional.of(new Credentials(user, password));
        }
        Path file = configFile();
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        DockerConfig config = DockerConfig.parse(Files.readAllBytes(file), file.toString());
        Optional<Credentials> inline = config.inline(registry);
        if (inline.isPresent()) {
            return inline;
        }
        Optional<String> helper = config.helper(registry);
        if (helper.isPresent()) {
            return CredentialHelper.get(helper.get(), DockerConfig.helperServer(registry));
        }
        return Optional.empty();
    }

    private Path configFile() {
        if (options.dockerConfig() != null) {
            return options.dockerConfig();
        }
        String dir = env.get("DOCKER_CONFIG");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir, "config.json");
        }
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home, ".docker", "config.json");
    }
}
