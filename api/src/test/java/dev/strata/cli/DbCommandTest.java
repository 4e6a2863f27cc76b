package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata db import} and {@code strata db status} on the demo advisory set and on bad input. */
class DbCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private String data() {
        return tmp.resolve("data").toString();
    }

    @Test
    void importDetectsFormatsSkipsMalformedRecordsWithAWarningAndStatusCountsThem() throws Exception {
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(bad.resolve("GHSA-bad.json"), "{\"id\": \"GHSA-bad\", \"modified\": \"yesterday\"}");
        Files.writeString(bad.resolve("junk.json"), "not json at all");
        Files.writeString(bad.resolve("README.md"), "passed over");

        CliRun run = CliRun.run("db", "import", "--data", data(), ScanVulnerabilitiesTest.ADVISORIES.toString(), bad.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines()).containsExactly(
                "strata: warning: skipped malformed " + bad.resolve("GHSA-bad.json") + ": OSV record "
                        + bad.resolve("GHSA-bad.json") + " (GHSA-bad): modified: not an RFC 3339 time: 'yesterday'",
                "strata: warning: skipped malformed " + bad.resolve("junk.json")
                        + ": not an OSV record, OSV zip, Debian tracker JSON or Alpine secdb JSON");
        assertThat(run.out()).startsWith("Database  gen-1, built ")
                .containsPattern("debian-tracker +Debian:12 +5 +\\S+ +0 +0")
                .containsPattern("osv +Maven +3 +\\S+ +0 +2")
                .containsPattern("osv +npm +10 +\\S+ +0 +2");

        CliRun status = CliRun.run("db", "status", "--data", data(), "--format", "json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode json = JSON.readTree(status.out());
        assertThat(json.get("generation").asText()).isEqualTo("gen-1");
        JsonNode osv = json.get("sources").get(1);
        assertThat(osv.get("source").asText()).isEqualTo("osv");
        assertThat(osv.get("recordsByEcosystem").toString()).isEqualTo("{\"Maven\":3,\"npm\":10}");
        assertThat(osv.get("malformed").asInt()).isEqualTo(2);
        assertThat(osv.get("lastUpdate").asText()).isEqualTo(json.get("builtAt").asText());
        assertThat(json.get("sources").get(0).get("recordsByEcosystem").toString()).isEqualTo("{\"Debian:12\":5}");

        // a second import keeps the other source's last update
        CliRun again = CliRun.run("db", "import", "--data", data(),
                ScanVulnerabilitiesTest.ADVISORIES.resolve("osv/GHSA-vh95-rmgr-6w4m.json").toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).isEmpty();
        JsonNode after = JSON.readTree(CliRun.run("db", "status", "--data", data(), "--format", "json").out());
        assertThat(after.get("generation").asText()).isEqualTo("gen-2");
        assertThat(after.at("/sources/0/lastUpdate")).isEqualTo(json.at("/sources/0/lastUpdate"));
        assertThat(after.at("/sources/1/lastUpdate").asText()).isEqualTo(after.get("builtAt").asText());
    }

    @Test
    void badInputIsAOneLineErrorAndLeavesNoDatabase() throws Exception {
        CliRun none = CliRun.run("db", "status", "--data", data());
        assertThat(none.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(none.err()).isEqualTo("strata: error: no vulnerability database in " + tmp.resolve("data/vulndb")
                + ": run 'strata db import' or 'strata db update'" + System.lineSeparator());

        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
        CliRun unknown = CliRun.run("db", "import", "--data", data(), text.toString());
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(unknown.err()).isEqualTo("strata: error: cannot import " + text + ": not an OSV record, OSV zip, "
                + "Debian tracker JSON or Alpine secdb JSON" + System.lineSeparator());

        CliRun missing = CliRun.run("db", "import", "--data", data(), tmp.resolve("nope.zip").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(missing.err()).isEqualTo("strata: error: no such file: " + tmp.resolve("nope.zip") + System.lineSeparator());
        assertThat(tmp.resolve("data/vulndb/CURRENT")).doesNotExist();

        CliRun noArgs = CliRun.run("db", "import", "--data", data());
        assertThat(noArgs.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(noArgs.err()).contains("Missing required parameter");
    }
}
