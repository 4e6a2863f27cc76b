package dev.strata.cli;

import dev.strata.scanner.testing.RegistryServer;
import dev.strata.scanner.testing.TestCertificates;
import dev.strata.scanner.testing.TokenServer;
import io.vertx.core.Vertx;

import java.nio.file.Path;

/** The real registry in token-auth mode with the test's token server, holding {@code small/app:1}. */
record TokenRegistry(TokenServer tokens, RegistryServer registry) implements AutoCloseable {

    /** Starts both under {@code dir} and pushes the OCI layout image {@code source} as {@code user}. */
    static TokenRegistry start(Vertx vertx, Path dir, String source, String user, String password) throws Exception {
        TestCertificates.Pair signing = TestCertificates.selfSigned(dir.resolve("signing"), "token-signer");
        TokenServer tokens = TokenServer.start(vertx, signing, user, password, "token");
        RegistryServer registry = RegistryServer.start(dir.resolve("token"), tokens.authYaml(signing.cert()));
        registry.push(source, "small/app:1", "--dest-creds", user + ":" + password);
        return new TokenRegistry(tokens, registry);
    }

    @Override
    public void close() throws Exception {
        registry.close();
        tokens.close();
    }
}
