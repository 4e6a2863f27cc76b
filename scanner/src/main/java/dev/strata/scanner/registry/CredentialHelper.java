package dev.strata.scanner.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs {@code docker-credential-NAME get} (the Docker credential-helper protocol) for one server. */
public final class CredentialHelper {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 30;

    private CredentialHelper() {
    }

    /** The helper's credentials for {@code server}; empty when it has none. */
    public static Optional<Credentials> get(String name, String server) throws IOException {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IOException("bad credential helper name '" + name + "'");
        }
        String program = "docker-credential-" + name;
        Process process;
        try {
            process = new ProcessBuilder(program, "get").redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new IOException("credential helper " + program + " could not be run: " + e.getMessage());
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(server.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out;
        byte[] err;
        try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
            out = stdout.readAllBytes();
            err = stderr.readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("credential helper " + program + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + program);
        }
        String text = new String(out, StandardCharsets.UTF_8).trim();
        if (process.exitValue() != 0) {
            String why = (text + " " + new String(err, StandardCharsets.UTF_8)).trim();
            if (why.toLowerCase().contains("credentials not found")) {
                return Optional.empty();
            }
            throw new IOException("credential helper " + program + " failed for " + server + ": "
                    + why.replaceAll("\\s+", " "));
        }
        return parse(text, program);
    }

    /**
     * Parses the helper's answer {@code {"ServerURL":…,"Username":…,"Secret":…}}; {@code Username "<token>"}
     * makes the Secret an identity token.
     */
    static Optional<Credentials> parse(String json, String program) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IOException(program + " answered with something that is not JSON");
        }
        if (root == null || !root.hasNonNull("Secret")) {
            throw new IOException(program + " answered without a Secret");
        }
        String user = root.path("Username").asText("");
        String secret = root.get("Secret").asText();
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        // Docker's convention: the user name "<token>" means the Secret is an identity (refresh) token
        if (Credentials.TOKEN_USERNAME.equals(user)) {
            return Optional.of(Credentials.ofIdentityToken("", secret));
        }
        return Optional.of(new Credentials(user, secret));
    }
}
