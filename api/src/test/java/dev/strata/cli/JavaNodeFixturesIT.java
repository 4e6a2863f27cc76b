package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scans the {@code java-node} fixture of {@code samples/build.sh} (the debian-base layer, a layer with a Spring Boot
 * fat jar and real Maven Central jars in {@code /app}, a layer with an npm-installed app in {@code /app/web}) with the
 * packaged jar in a child JVM, and compares every detected Maven, npm and dpkg package with the ground truth the
 * build script computed from the jars themselves and from {@code npm ls} ({@code mavenArtifacts}, {@code npmPackages}
 * and {@code packages} in {@code fixtures.json}). The sets must be equal: a failure lists what is missing (in the
 * image, not reported) and what is phantom (reported, not in the image).
 */
class JavaNodeFixturesIT {
    private static final ObjectMapper JSON = PackagedStrata.JSON;
    private static final String NO_GROUP = "-";
    private static JsonNode fixtures;
    private static JsonNode javaNode;
    private static JsonNode report;

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    @BeforeAll
    static void scanOnce() throws Exception {
        fixtures = PackagedStrata.fixtures();
        PackagedStrata.jar();
        javaNode = fixture("java-node");
        assertThat(javaNode.get("mavenArtifacts")).as("fixtures.json from a build.sh with the java-node fixture")
                .isNotNull();
        report = PackagedStrata.scan(shared.resolve("data"), javaNode.get("reference").asText());
    }

    private static JsonNode fixture(String name) {
        return PackagedStrata.fixture(fixtures, name);
    }




    /** Fails with both sides of the difference, one entry a line, when {@code detected != expected}. */
    private static void assertSameSet(String what, Set<String> detected, Set<String> expected) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(detected);
        Set<String> phantom = new TreeSet<>(detected);
        phantom.removeAll(expected);
        if (!missing.isEmpty() || !phantom.isEmpty()) {
            StringBuilder b = new StringBuilder(what).append(": detected ").append(detected.size())
                    .append(", expected ").append(expected.size()).append('\n');
            b.append("MISSING (in the image, not reported): ").append(missing.size()).append('\n');
            missing.forEach(m -> b.append("  - ").append(m).append('\n'));
            b.append("PHANTOM (reported, not in the image): ").append(phantom.size()).append('\n');
            phantom.forEach(p -> b.append("  + ").append(p).append('\n'));
            throw new AssertionError(b.toString());
        }
    }

    private static List<JsonNode> packagesOfType(JsonNode report, String type) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : report.get("packages")) {
            if (p.get("type").asText().equals(type)) {
                out.add(p);
            }
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String mavenKey(String path, String group, String artifact, String version) {
        return path + " | " + (group == null ? NO_GROUP : group) + ":" + artifact + ":" + version;
    }

    @Test
    void mavenPackagesAreExactlyTheArtifactsInTheJars() {
        JsonNode truth = javaNode.get("mavenArtifacts");
        Set<String> expected = new TreeSet<>();
        // (path, artifactId, version) of jars without pom.properties: any group Strata guesses is fine there
        Set<String> groupless = new HashSet<>();
        for (JsonNode a : truth) {
            String group = text(a, "groupId");
            expected.add(mavenKey(a.get("path").asText(), group, a.get("artifactId").asText(), a.get("version").asText()));
            if (group == null) {
                groupless.add(a.get("path").asText() + "|" + a.get("artifactId").asText() + "|" + a.get("version").asText());
            }
        }
        Set<String> detected = new TreeSet<>();
        for (JsonNode p : packagesOfType(report, "maven")) {
            for (JsonNode path : p.get("paths")) {
                String triple = path.asText() + "|" + p.get("name").asText() + "|" + p.get("version").asText();
                String group = groupless.contains(triple) ? null : text(p, "namespace");
                detected.add(mavenKey(path.asText(), group, p.get("name").asText(), p.get("version").asText()));
            }
        }
        assertSameSet("type=maven packages of java-node (path | groupId:artifactId:version)", detected, expected);
    }

    @Test
    void everyJarPackageCarriesItsArchivesSha1AndItsLayer() {
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> expectedLayer = new TreeMap<>();
        for (JsonNode a : javaNode.get("mavenArtifacts")) {
            String key = a.get("path").asText() + " | " + a.get("artifactId").asText() + ":" + a.get("version").asText();
            expected.put(key, a.get("sha1").asText());
            expectedLayer.put(key, javaNode.at("/diffIDs/" + a.get("layer").asInt()).asText());
        }
        Map<String, String> detected = new TreeMap<>();
        Map<String, String> detectedLayer = new TreeMap<>();
        for (JsonNode p : packagesOfType(report, "maven")) {
            for (JsonNode path : p.get("paths")) {
                String key = path.asText() + " | " + p.get("name").asText() + ":" + p.get("version").asText();
                if (expected.containsKey(key)) {
                    detected.put(key, text(p, "sha1"));
                    detectedLayer.put(key, text(p, "layerDiffId"));
                }
            }
            assertThat(p.has("ownedBy")).as(p.get("purl").asText() + " is owned by no Debian package").isFalse();
        }
        // only what was detected at all: missing packages are the other test's finding
        expected.keySet().retainAll(detected.keySet());
        expectedLayer.keySet().retainAll(detected.keySet());
        assertThat(detected).as("SHA-1 of the (nested) jar of each Maven package").isEqualTo(expected);
        assertThat(detectedLayer).as("layer of each Maven package").isEqualTo(expectedLayer);
        // the brief's minimum: every top-level jar in /app/lib was found and hashed
        long libJars = expected.keySet().stream().filter(k -> k.startsWith("/app/lib/")).count();
        assertThat(libJars).as("packages from /app/lib/*.jar detected").isGreaterThanOrEqualTo(5);
    }

    @Test
    void npmPackagesAreExactlyWhatNpmLsSays() {
        Set<String> expected = new TreeSet<>();
        for (JsonNode p : javaNode.get("npmPackages")) {
            expected.add(p.get("path").asText() + " | " + p.get("name").asText() + "@" + p.get("version").asText());
        }
        Set<String> detected = new TreeSet<>();
        String nodeLayer = javaNode.at("/diffIDs/2").asText();
        for (JsonNode p : packagesOfType(report, "npm")) {
            for (JsonNode path : p.get("paths")) {
                detected.add(path.asText() + " | " + p.get("name").asText() + "@" + p.get("version").asText());
            }
            assertThat(text(p, "layerDiffId")).as(p.get("purl").asText() + " in the Node layer").isEqualTo(nodeLayer);
            assertThat(p.has("ownedBy")).as(p.get("purl").asText() + " is owned by no Debian package").isFalse();
        }
        assertSameSet("type=npm packages of java-node (package.json path | name@version)", detected, expected);
        // the nested duplicate keeps its own version
        assertThat(detected).contains("/app/web/node_modules/debug/node_modules/ms/package.json | ms@2.0.0",
                "/app/web/node_modules/ms/package.json | ms@2.1.3");
    }

    @Test
    void debianPackagesAreTheBasesAndNoOtherTypeAppears() {
        Set<String> expected = new TreeSet<>();
        for (JsonNode p : javaNode.get("packages")) {
            expected.add(p.get("package").asText() + "=" + p.get("version").asText() + ":" + p.get("architecture").asText());
        }
        Set<String> detected = new TreeSet<>();
        String baseLayer = javaNode.at("/diffIDs/0").asText();
        for (JsonNode p : packagesOfType(report, "deb")) {
            detected.add(p.get("name").asText() + "=" + p.get("version").asText() + ":" + p.get("architecture").asText());
            assertThat(text(p, "layerDiffId")).as(p.get("purl").asText() + " in the base layer").isEqualTo(baseLayer);
        }
        assertSameSet("type=deb packages of java-node (name=version:arch)", detected, expected);
        Set<String> types = new TreeSet<>();
        report.get("packages").forEach(p -> types.add(p.get("type").asText()));
        assertThat(types).containsExactlyInAnyOrder("deb", "maven", "npm");
    }

    @Test
    void layersMatchAndTheBaseLayerIsReusedAfterDebianBase() throws Exception {
        JsonNode expected = javaNode.get("layers");
        assertThat(report.get("layers")).hasSize(3);
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            JsonNode l = report.get("layers").get(i);
            assertThat(l.get("diffId").asText()).isEqualTo(e.get("diffID").asText());
            assertThat(l.get("digest").asText()).isEqualTo(e.get("digest").asText());
            assertThat(l.get("uncompressedSize").asLong()).isEqualTo(e.get("uncompressedSize").asLong());
            assertThat(l.get("entryCount").asLong()).as("entries of layer " + i).isEqualTo(e.get("entries").asLong());
            assertThat(l.get("fileCount").asLong()).as("files of layer " + i).isEqualTo(e.get("regularFiles").asLong());
        }
        assertThat(report.at("/image/digest").asText()).isEqualTo(javaNode.get("manifestDigest").asText());
        assertThat(report.at("/image/configDigest").asText()).isEqualTo(javaNode.get("configDigest").asText());
        assertThat(javaNode.at("/diffIDs/0")).isEqualTo(fixture("debian-base").at("/diffIDs/0"));

        Path data = Files.createTempDirectory(tmp, "data-");
        JsonNode base = PackagedStrata.scan(data, fixture("debian-base").get("reference").asText());
        assertThat(base.at("/stats/layersRead").asInt()).isEqualTo(1);
        JsonNode jn = PackagedStrata.scan(data, javaNode.get("reference").asText());
        assertThat(jn.at("/stats/layersRead").asInt()).as("only the two new layers are read").isEqualTo(2);
        assertThat(jn.at("/stats/layersReused").asInt()).isEqualTo(1);
        assertThat(jn.at("/layers/0/cached").asBoolean()).isTrue();
        // the reused base gives the same inventory as a fresh scan
        Set<String> fresh = new TreeSet<>();
        report.get("packages").forEach(p -> fresh.add(p.get("purl").asText() + " " + p.get("paths")));
        Set<String> reused = new TreeSet<>();
        jn.get("packages").forEach(p -> reused.add(p.get("purl").asText() + " " + p.get("paths")));
        assertSameSet("packages of java-node scanned after debian-base vs a fresh scan", reused, fresh);

        JsonNode again = PackagedStrata.scan(data, javaNode.get("reference").asText());
        assertThat(again.at("/stats/layersRead").asInt()).isZero();
    }
}
