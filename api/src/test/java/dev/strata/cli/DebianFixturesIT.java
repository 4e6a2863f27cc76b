package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scans the real debootstrap-built images of {@code samples/build.sh} with the packaged jar in a child JVM
 * and checks every layer against the ground truth the build script recorded in {@code fixtures.json}.
 */
class DebianFixturesIT {
    private static final ObjectMapper JSON = PackagedStrata.JSON;
    private static JsonNode fixtures;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadFixtures() throws IOException {
        fixtures = PackagedStrata.fixtures();
        PackagedStrata.jar();
    }

    private static JsonNode fixture(String name) {
        return PackagedStrata.fixture(fixtures, name);
    }




    private static void assertLayersMatch(JsonNode report, JsonNode fixture) {
        JsonNode expected = fixture.get("layers");
        JsonNode layers = report.get("layers");
        assertThat(layers).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            JsonNode l = layers.get(i);
            assertThat(l.get("diffId").asText()).isEqualTo(e.get("diffID").asText());
            assertThat(l.get("uncompressedSize").asLong()).isEqualTo(e.get("uncompressedSize").asLong());
            assertThat(l.get("entryCount").asLong()).as("entries of layer " + i).isEqualTo(e.get("entries").asLong());
            assertThat(l.get("fileCount").asLong()).as("files of layer " + i).isEqualTo(e.get("regularFiles").asLong());
        }
        // exports of debian-python carry its config unchanged; fixtures.json records the digest on the layout entries
        JsonNode config = fixture.hasNonNull("configDigest") ? fixture.get("configDigest")
                : fixture("debian-python").get("configDigest");
        assertThat(report.at("/image/configDigest").asText()).isEqualTo(config.asText());
    }

    @Test
    void everyFormatOfTheSameImageGivesTheSameLayers() throws Exception {
        for (String name : List.of("debian-python", "debian-python-zstd", "debian-python-docker-archive",
                "debian-python-oci-archive")) {
            JsonNode fixture = fixture(name);
            Path data = Files.createTempDirectory(tmp, "data-");
            JsonNode report = PackagedStrata.scan(data, fixture.get("reference").asText());
            assertLayersMatch(report, fixture);
            assertThat(report.at("/stats/layersRead").asInt()).isEqualTo(fixture.get("layers").size());
            if (!name.endsWith("docker-archive")) {
                assertThat(report.at("/image/digest").asText()).isEqualTo(fixture.get("manifestDigest").asText());
            }
            for (int i = 0; i < fixture.get("layers").size(); i++) {
                // skopeo's docker-archive stores layers uncompressed (blob digest = diffID); the oci-archive
                // holds the same blobs as the debian-python layout
                String expected = name.endsWith("docker-archive") ? fixture.at("/layers/" + i + "/diffID").asText()
                        : fixture.at("/layers/" + i + "/digest").isTextual() ? fixture.at("/layers/" + i + "/digest").asText()
                        : fixture("debian-python").at("/layers/" + i + "/digest").asText();
                assertThat(report.at("/layers/" + i + "/digest").asText()).isEqualTo(expected);
            }
        }
    }

    @Test
    void sharedBaseLayerIsReadOnceAndRescanReadsNothing() throws Exception {
        Path data = tmp.resolve("data");
        JsonNode base = PackagedStrata.scan(data, fixture("debian-base").get("reference").asText());
        assertLayersMatch(base, fixture("debian-base"));

        JsonNode python = PackagedStrata.scan(data, fixture("debian-python").get("reference").asText());
        assertLayersMatch(python, fixture("debian-python"));
        assertThat(python.at("/stats/layersRead").asInt()).isEqualTo(1);
        assertThat(python.at("/stats/layersReused").asInt()).isEqualTo(1);
        assertThat(python.at("/layers/0/cached").asBoolean()).isTrue();

        JsonNode again = PackagedStrata.scan(data, fixture("debian-python-oci-archive").get("reference").asText());
        assertThat(again.at("/stats/layersRead").asInt()).isZero();
        assertThat(again.at("/stats/bytesRead").asLong()).isZero();
        assertThat(again.at("/layers/1/changes")).isEqualTo(python.at("/layers/1/changes"));

        PackagedStrata.Result images = PackagedStrata.run("images", "--data", data.toString(), "--format", "json");
        assertThat(JSON.readTree(images.out())).hasSize(2);
    }

    /** name, version and architecture of each dpkg package in a report, as {@code name=version:arch}. */
    private static java.util.Set<String> debPackages(JsonNode report) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (JsonNode p : report.get("packages")) {
            if (p.get("type").asText().equals("deb")) {
                out.add(p.get("name").asText() + "=" + p.get("version").asText() + ":" + p.get("architecture").asText());
            }
        }
        return out;
    }

    private static java.util.Set<String> groundTruth(JsonNode fixture) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (JsonNode p : fixture.get("packages")) {
            out.add(p.get("package").asText() + "=" + p.get("version").asText() + ":" + p.get("architecture").asText());
        }
        return out;
    }

    @Test
    void detectedDebianPackagesAreExactlyWhatDpkgQuerySaysAndPythonIsOwnedByDebian() throws Exception {
        Path data = tmp.resolve("data");
        for (String name : List.of("debian-base", "debian-python")) {
            JsonNode fixture = fixture(name);
            JsonNode report = PackagedStrata.scan(data, fixture.get("reference").asText());
            assertThat(debPackages(report)).as(name).isEqualTo(groundTruth(fixture));
            assertThat(report.at("/os/distro").asText()).isEqualTo("debian-12");
            for (JsonNode p : report.get("packages")) {
                if (p.get("type").asText().equals("deb")) {
                    assertThat(p.get("purl").asText()).contains("distro=debian-12");
                } else {
                    // every language package in these images comes from a Debian package
                    assertThat(p.has("ownedBy")).as(p.get("purl").asText() + " owned by a deb").isTrue();
                }
            }
        }
        JsonNode python = PackagedStrata.scan(data, fixture("debian-python").get("reference").asText());
        JsonNode requests = null;
        for (JsonNode p : python.get("packages")) {
            if (p.get("type").asText().equals("pypi") && p.get("name").asText().equalsIgnoreCase("requests")) {
                requests = p;
            }
        }
        assertThat(requests).as("requests from python3-requests").isNotNull();
        assertThat(requests.get("ownedBy").asText()).startsWith("pkg:deb/debian/python3-requests@");
        assertThat(requests.get("layerDiffId").asText()).isEqualTo(fixture("debian-python").at("/layers/1/diffID").asText());

        PackagedStrata.Result search = PackagedStrata.run("search", "--data", data.toString(), "--format", "json", "purl:pkg:deb/debian/libc6");
        assertThat(JSON.readTree(search.out())).hasSize(2); // both images, one shared base layer
    }

    @Test
    void theDemoImageShippedInSamplesScans() throws Exception {
        Path demo = Path.of(System.getProperty("strata.samples", "../samples"), "demo", "demo.tar");
        PackagedStrata.Result r = PackagedStrata.run("scan", "--skip-db", "--data", tmp.resolve("data").toString(), demo.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Digest    sha256:").contains("4 layer(s) read");

        PackagedStrata.Result json = PackagedStrata.run("scan", "--skip-db", "--data", tmp.resolve("data").toString(), "--format", "json", demo.toString());
        java.util.Set<String> purls = new java.util.TreeSet<>();
        JSON.readTree(json.out()).get("packages").forEach(p -> purls.add(p.get("purl").asText()));
        // what samples/demo/README.md says the image holds: 5 Debian packages, 3 jars, 2 npm packages + the app
        assertThat(purls).containsExactlyInAnyOrder(
                "pkg:deb/debian/base-files@12.4%2Bdeb12u15?arch=amd64&distro=debian-12",
                "pkg:deb/debian/libbz2-1.0@1.0.8-5%2Bb1?arch=amd64&distro=debian-12",
                "pkg:deb/debian/liblzma5@5.4.1-1%2Bdeb12u2?arch=amd64&distro=debian-12",
                "pkg:deb/debian/libzstd1@1.5.4%2Bdfsg2-5?arch=amd64&distro=debian-12",
                "pkg:deb/debian/zlib1g@1.2.13.dfsg-1?arch=amd64&distro=debian-12&epoch=1",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                "pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1",
                "pkg:generic/aopalliance@1.0",
                "pkg:npm/lodash@4.17.15",
                "pkg:npm/minimist@1.2.5",
                "pkg:npm/strata-demo@1.0.0");

        PackagedStrata.Result sbom = PackagedStrata.run("sbom", "--data", tmp.resolve("data").toString(), "--format", "cyclonedx", demo.toString());
        assertThat(sbom.exit()).as(sbom.err()).isZero();
        assertThat(JSON.readTree(sbom.out()).get("components").size()).isGreaterThanOrEqualTo(11);
    }

    @Test
    void theReadmeCommandImportsTheDemoAdvisoriesAndShowsRealFindings() throws Exception {
        Path samples = Path.of(System.getProperty("strata.samples", "../samples"));
        String data = tmp.resolve("readme-data").toString();
        PackagedStrata.Result imported = PackagedStrata.run("db", "import", "--data", data,
                samples.resolve("advisories").toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.err()).isEmpty();

        PackagedStrata.Result table = PackagedStrata.run("scan", "--data", data, samples.resolve("demo/demo.tar").toString());
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("Vulnerabilities  8 (CRITICAL 3, HIGH 3, MEDIUM 1, LOW 0, UNKNOWN 1)")
                .containsPattern("GHSA-jfh8-c2jp-5v3q +log4j-core +2.14.1 +2.15.0 +fixed +Remote code injection in Log4j");

        PackagedStrata.Result json = PackagedStrata.run("scan", "--data", data, "--format", "json",
                samples.resolve("demo/demo.tar").toString());
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(ScanVulnerabilitiesTest.findings(JSON.readTree(json.out())))
                .containsExactlyElementsOf(ScanVulnerabilitiesTest.EXPECTED);
    }
}
