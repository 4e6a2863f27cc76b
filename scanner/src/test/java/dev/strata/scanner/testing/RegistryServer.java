package dev.strata.scanner.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real registry (Debian's {@code docker-registry}, distribution 2.8) on a free loopback port with its
 * own config and storage directory, for tests; {@link #push} copies images into it with skopeo.
 */
public final class RegistryServer implements AutoCloseable {
    public static final String BINARY = "/usr/bin/docker-registry";
    private final Process process;
    private final int port;
    private final Path dir;

    private RegistryServer(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Starts a registry in {@code dir} serving HTTPS with {@code cert} and {@code key} (PEM). */
    public static RegistryServer startTls(Path dir, Path cert, Path key) throws IOException, InterruptedException {
        return start(dir, null, "  tls:\n    certificate: " + cert + "\n    key: " + key + "\n");
    }

    /** Starts a registry in {@code dir}; {@code authYaml} (nullable) is the config's {@code auth:} section. */
    public static RegistryServer start(Path dir, String authYaml) throws IOException, InterruptedException {
        return start(dir, authYaml, "");
    }

    private static RegistryServer start(Path dir, String authYaml, String httpExtra)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install docker-registry (see .ci/run)");
        }
        int port = freePort();
        Files.createDirectories(dir.resolve("storage"));
        String config = "version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n"
                + "    rootdirectory: " + dir.resolve("storage") + "\n  delete:\n    enabled: true\n"
                + "http:\n  addr: 127.0.0.1:" + port + "\n" + httpExtra
                + (authYaml == null ? "" : authYaml);
        Path file = dir.resolve("config.yml");
        Files.writeString(file, config);
        Process p = new ProcessBuilder(BINARY, "serve", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        RegistryServer server = new RegistryServer(p, port, dir);
        server.awaitUp();
        return server;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitUp() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited: " + Files.readString(dir.resolve("registry.log")));
            }
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException("docker-registry did not come up on " + host());
    }

    /** {@code 127.0.0.1:PORT}. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Copies {@code source} (a skopeo transport reference) to {@code repoTag} in this registry. */
    public void push(String source, String repoTag, String... extraArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("skopeo", "copy", "--quiet", "--dest-tls-verify=false"));
        cmd.addAll(List.of(extraArgs));
        cmd.add(source);
        cmd.add("docker://" + host() + "/" + repoTag);
        run(cmd);
    }

    /** Runs a command, failing with its output when it exits non-zero; returns stdout+stderr. */
    public static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
