package dev.strata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.scanner.layer.Compression;
import dev.strata.scanner.testing.ImageFixtures;
import dev.strata.scanner.testing.TarBuilder;
import dev.strata.server.ServerConfig;
import dev.strata.server.StrataServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata scan --server URL} against a server started in-process: same output and exit codes. */
class RemoteScanTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "remote-scan-token-0123";

    @TempDir
    Path tmp;
    StrataServer server;
    String url;

    @BeforeEach
    void start() throws Exception {
        Path config = tmp.resolve("strata.yaml");
        Files.writeString(config, "auth:\n  tokens: [{name: ci, token: " + TOKEN + ", role: scan}]\n");
        server = StrataServer.start(ServerConfig.load(config).withListen("127.0.0.1", 0, tmp.resolve("server-data")));
        url = "http://127.0.0.1:" + server.port();
        ImageFixtures.image().layer(new TarBuilder().dir("etc").file("etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\n")
                        .dir("lib/apk/db").file("lib/apk/db/installed", "P:musl\nV:1.2.4-r2\nA:x86_64\no:musl\n\n").build(),
                Compression.GZIP).layer(new TarBuilder().file("app.txt", "hi\n").build(), Compression.GZIP)
                .writeDockerArchive(tmp.resolve("a.tar"), "test/a:1.0");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private ObjectNode withoutStats(String json) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        node.remove("stats");
        return node;
    }

    @Test
    void theServerScansAnUploadedArchiveAndTheCliPrintsTheSameReport() throws Exception {
        String image = tmp.resolve("a.tar").toString();
        CliRun local = CliRun.run("scan", "--skip-db", "--data", tmp.resolve("local").toString(), "--format", "json", image);
        CliRun remote = CliRun.run("scan", "--server", url, "--token", TOKEN, "--format", "json", image);
        assertThat(remote.err()).isEmpty();
        assertThat(remote.exitCode()).isZero();
        assertThat(withoutStats(remote.out())).isEqualTo(withoutStats(local.out()));

        CliRun localTable = CliRun.run("scan", "--skip-db", "--data", tmp.resolve("local").toString(), image);
        CliRun remoteTable = CliRun.run("scan", "--server", url, "--token", TOKEN, image);
        assertThat(remoteTable.exitCode()).isZero();
        String cut = "\nScanned in";
        assertThat(remoteTable.out().substring(0, remoteTable.out().indexOf(cut)))
                .isEqualTo(localTable.out().substring(0, localTable.out().indexOf(cut)));
    }

    @Test
    void failuresExitWith2AndOneLine() throws Exception {
        Files.writeString(tmp.resolve("junk.tar"), "junk");
        CliRun junk = CliRun.run("scan", "--server", url, "--token", TOKEN, tmp.resolve("junk.tar").toString());
        assertThat(junk.exitCode()).isEqualTo(2);
        assertThat(junk.err()).startsWith("strata: error: ").hasLineCount(1);

        CliRun noToken = CliRun.run("scan", "--server", url, tmp.resolve("a.tar").toString());
        assertThat(noToken.exitCode()).isEqualTo(2);
        assertThat(noToken.err()).contains("401").contains("bearer token").hasLineCount(1);

        CliRun refused = CliRun.run("scan", "--server", url, "--token", TOKEN, "oci:" + tmp);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("403 reference_refused");

        CliRun unreachable = CliRun.run("scan", "--server", "http://127.0.0.1:1", tmp.resolve("a.tar").toString());
        assertThat(unreachable.exitCode()).isEqualTo(2);
        assertThat(unreachable.err()).contains("cannot reach the Strata server");
    }
}
