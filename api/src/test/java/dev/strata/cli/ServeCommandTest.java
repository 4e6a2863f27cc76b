package dev.strata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata serve} refusing to start: one line, exit 2, nothing written. */
class ServeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aNonLoopbackAddressWithoutTokensIsRefused() {
        CliRun run = CliRun.run("serve", "--bind", "0.0.0.0", "--port", "0", "--data", tmp.resolve("data").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("strata: error: refusing to listen on 0.0.0.0 without API tokens: add "
                + "auth.tokens to the config, or bind 127.0.0.1\n");
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void aBadConfigFileIsNamed() throws Exception {
        Files.writeString(tmp.resolve("strata.yaml"), "scans: {concurrency: 0}\n");
        CliRun zero = CliRun.run("serve", "--port", "0", "--config", tmp.resolve("strata.yaml").toString(),
                "--data", tmp.resolve("data").toString());
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).startsWith("strata: error: config: scans.concurrency").hasLineCount(1);

        CliRun missing = CliRun.run("serve", "--config", tmp.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml").hasLineCount(1);
    }
}
