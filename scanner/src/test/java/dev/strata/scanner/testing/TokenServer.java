package dev.strata.scanner.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
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
 * anonymous requests get a token granting nothing. With {@link #withRefreshTokens} it also serves the OAuth2
 * refresh-token grant as Docker sends it ({@code POST} form {@code grant_type=refresh_token}, checked: grant,
 * refresh token, {@code client_id}, {@code service}) and rotates the refresh token with every answer (only the
 * newest one is accepted). Records the scopes and the requests it was asked with.
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
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String refreshToken;
    private volatile boolean postEnabled;

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

    /**
     * Accepts {@code initial} as refresh token: in the POST grant, and (as ACR does) as the password of the
     * GET's Basic auth; {@code post} false makes {@code POST} answer 405 as a server without OAuth2 would.
     */
    public TokenServer withRefreshTokens(String initial, boolean post) {
        this.refreshToken = initial;
        this.postEnabled = post;
        return this;
    }

    /** The refresh token accepted now (the last one handed out). */
    public String refreshToken() {
        return refreshToken;
    }

    /** One line per request: {@code GET basic|anonymous} or {@code POST refresh_token}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public List<String> scopes() {
        return List.copyOf(scopes);
    }

    private void handle(HttpServerRequest req) {
        if (req.method() == HttpMethod.POST) {
            req.setExpectMultipart(true);
            req.endHandler(v -> handlePost(req));
            return;
        }
        String scope = req.getParam("scope");
        scopes.add(scope == null ? "" : scope);
        String auth = req.getHeader("Authorization");
        requests.add("GET " + (auth != null && auth.startsWith("Basic ") ? "basic" : "anonymous"));
        String subject = "";
        boolean grant = false;
        if (auth != null && auth.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
            String current = refreshToken;
            if (!decoded.equals(user + ":" + password) && (current == null || !decoded.equals(user + ":" + current))) {
                req.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                        .end("{\"details\":\"incorrect username or password\"}");
                return;
            }
            subject = user;
            grant = true;
        }
        answer(req, tokenField, subject, grant, req.params().getAll("scope"), null);
    }

    private void handlePost(HttpServerRequest req) {
        MultiMap form = req.formAttributes();
        String scope = form.get("scope");
        scopes.add(scope == null ? "" : scope);
        requests.add("POST " + form.get("grant_type"));
        if (!postEnabled) {
            req.response().setStatusCode(405).end();
            return;
        }
        String current = refreshToken;
        if (!"refresh_token".equals(form.get("grant_type")) || !"strata".equals(form.get("client_id"))
                || !SERVICE.equals(form.get("service"))) {
            req.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                    .end("{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        if (current == null || !current.equals(form.get("refresh_token"))) {
            req.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                    .end("{\"error\":\"invalid_grant\"}");
            return;
        }
        String next = "rt-" + UUID.randomUUID();
        refreshToken = next;
        answer(req, "access_token", user, true, scope == null ? List.of() : List.of(scope.split(" ")), next);
    }

    private void answer(HttpServerRequest req, String field, String subject, boolean grant, List<String> scopeList,
                        String newRefreshToken) {
        try {
            List<Map<String, Object>> access = new java.util.ArrayList<>();
            if (grant) {
                for (String s : scopeList) {
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
            Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of(
                    field, jwt, "expires_in", 300, "issued_at", Instant.now().toString()));
            if (newRefreshToken != null) {
                body.put("refresh_token", newRefreshToken);
            }
            req.response().putHeader("Content-Type", "application/json").end(JSON.writeValueAsString(body));
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
