package dev.strata.scanner.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Throw-away keys and certificates made with the real {@code openssl} for TLS and token-signing tests. */
public final class TestCertificates {
    private TestCertificates() {
    }

    /** A key pair and certificate: PEM files. */
    public record Pair(Path key, Path cert) {
    }

    /** A self-signed CA certificate (also usable as a JWT signing certificate). */
    public static Pair selfSigned(Path dir, String name) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path key = dir.resolve(name + ".key");
        Path cert = dir.resolve(name + ".pem");
        RegistryServer.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", cert.toString(), "-days", "2", "-subj", "/CN=" + name));
        return new Pair(key, cert);
    }

    /** A server certificate for {@code 127.0.0.1} signed by {@code ca}. */
    public static Pair server(Path dir, Pair ca) throws IOException, InterruptedException {
        Path key = dir.resolve("server.key");
        Path csr = dir.resolve("server.csr");
        Path cert = dir.resolve("server.pem");
        Path ext = dir.resolve("server.ext");
        Files.writeString(ext, "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        RegistryServer.run(List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", csr.toString(), "-subj", "/CN=127.0.0.1"));
        RegistryServer.run(List.of("openssl", "x509", "-req", "-in", csr.toString(), "-CA", ca.cert().toString(),
                "-CAkey", ca.key().toString(), "-CAcreateserial", "-out", cert.toString(), "-days", "2",
                "-extfile", ext.toString()));
        return new Pair(key, cert);
    }
}
