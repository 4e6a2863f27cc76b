package dev.strata.scanner.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A small token server for distribution's {@code auth.token} mode: checks HTTP Basic credentials and
 * answers an RS256 JWT (with the signing certificate in {@code x5c}) granting the requested actions;
 * anonymous requests get a token granting nothing. Records the scopes it was asked for.
 */
public final class TokenServer implements AutoCloseable {
    public static final String ISSUER = "strata-test-issuer";
    public static final String SERVICE = "strata-test-registry";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final PrivateKey key;
    private final String x5c;
    private final String user;
    private final String password;
    private final List<String> scopes = new CopyOnWriteArrayList<>();
    private final String tokenField;

    private TokenServer(Vertx vertx, TestCertificates.Pair signing, String user, String password, String tokenField)
            throws Exception {
        this.user = user;
        this.password = password;
        this.tokenField = tokenField;
        String pem = Files.readString(signing.key()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        X509Certificate cert;
        try (var in = Files.newInputStream(signing.cert())) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        this.x5c = Base64.getEncoder().encodeToString(cert.getEncoded());
        this.server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Starts the server; {@code tokenField} is {@code token} or {@code access_token}. */
    public static TokenServer start(Vertx vertx, TestCertificates.Pair signing, String user, String password,
                                    String tokenField) throws Exception {
        return new TokenServer(vertx, signing, user, password, tokenField);
    }

    public String realm() {
        return "http://127.0.0.1:" + server.actualPort() + "/token";
    }

    /** The registry config section for this server. */
    public String authYaml(Path rootCert) {
        return "auth:\n  token:\n    realm: " + realm() + "\n    service: " + SERVICE + "\n    issuer: " + ISSUER
                + "\n    rootcertbundle: " + rootCert + "\n";
    }

    public List<String> scopes() {
        return List.copyOf(scopes);
    }

    private void handle(HttpServerRequest req) {
        String scope = req.getParam("scope");
        scopes.add(scope == null ? "" : scope);
        String auth = req.getHeader("Authorization");
        String subject = "";
        boolean grant = false;
        if (auth != null && auth.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
            if (!decoded.equals(user + ":" + password)) {
                req.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                        .end("{\"details\":\"incorrect username or password\"}");
                return;
            }
            subject = user;
            grant = true;
        }
        try {
            List<Map<String, Object>> access = new java.util.ArrayList<>();
            if (grant && scope != null) {
                for (String s : req.params().getAll("scope")) {
                    String[] parts = s.split(":");
                    if (parts.length == 3) {
                        access.add(Map.of("type", parts[0], "name", parts[1], "actions", List.of(parts[2].split(","))));
                    }
                }
            }
            long now = Instant.now().getEpochSecond();
            String header = b64(JSON.writeValueAsBytes(Map.of("typ", "JWT", "alg", "RS256", "x5c", List.of(x5c))));
            String claims = b64(JSON.writeValueAsBytes(Map.of("iss", ISSUER, "sub", subject, "aud", SERVICE,
                    "exp", now + 300, "nbf", now - 10, "iat", now, "jti", UUID.randomUUID().toString(),
                    "access", access)));
            Signature sig = Signature.getInstance("SHA256withRSA");
            sig.initSign(key);
            sig.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            String jwt = header + "." + claims + "." + b64(sig.sign());
            req.response().putHeader("Content-Type", "application/json").end(JSON.writeValueAsString(Map.of(
                    tokenField, jwt, "expires_in", 300, "issued_at", Instant.now().toString())));
        } catch (Exception e) {
            req.response().setStatusCode(500).end(e.toString());
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
