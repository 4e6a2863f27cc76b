package dev.strata.scanner.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.scanner.packages.InstalledPackage;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class CycloneDxWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CycloneDxWriter writer = new CycloneDxWriter();

    private JsonNode bom() throws Exception {
        return JSON.readTree(writer.toJson(SbomFixtures.input()));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static JsonNode component(JsonNode bom, String bomRef) {
        return list(bom.path("components")).stream().filter(c -> c.path("bom-ref").asText().equals(bomRef))
                .findFirst().orElseThrow(() -> new AssertionError("no component " + bomRef));
    }

    private static List<String> properties(JsonNode component, String name) {
        return list(component.path("properties")).stream().filter(p -> p.path("name").asText().equals(name))
                .map(p -> p.path("value").asText()).toList();
    }

    @Test
    void validAgainstOfficialSchema() throws Exception {
        JsonNode bom = bom();
        assertThat(SchemaValidation.errors(SchemaValidation.CYCLONEDX_16, bom)).isEmpty();
        assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
        assertThat(bom.path("serialNumber").asText()).matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-.*");
        assertThat(bom.path("metadata").path("timestamp").asText()).isEqualTo("2026-11-27T10:15:30Z");
    }

    @Test
    void cycloneDxLibraryReadsItBack() throws Exception {
        byte[] json = writer.toJson(SbomFixtures.input()).getBytes(StandardCharsets.UTF_8);
        JsonParser parser = new JsonParser();
        assertThat(parser.validate(json, Version.VERSION_16)).isEmpty();
        Bom bom = parser.parse(json);
        assertThat(bom.getComponents()).hasSize(SbomFixtures.packages().size() + 1);
        assertThat(bom.getMetadata().getComponent().getType()).isEqualTo(Component.Type.CONTAINER);
        assertThat(bom.getDependencies().get(0).getDependencies()).hasSize(SbomFixtures.packages().size() + 1);
    }

    @Test
    void schemaValidationCatchesAnInvalidBom() throws Exception {
        ObjectNode bom = (ObjectNode) bom();
        ((ObjectNode) bom.path("components").get(1)).put("type", "not-a-type");
        bom.put("serialNumber", "urn:uuid:nope");
        assertThat(SchemaValidation.errors(SchemaValidation.CYCLONEDX_16, bom)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void imageIsTheMetadataComponentWithAnOciPurl() throws Exception {
        JsonNode image = bom().path("metadata").path("component");
        String purl = "pkg:oci/api@sha256%3A" + SbomFixtures.DIGEST.substring(7)
                + "?arch=amd64&repository_url=registry.example.com%3A5000%2Fshop%2Fapi&tag=1.4.2";
        assertThat(image.path("type").asText()).isEqualTo("container");
        assertThat(image.path("name").asText()).isEqualTo("registry.example.com:5000/shop/api");
        assertThat(image.path("version").asText()).isEqualTo(SbomFixtures.DIGEST);
        assertThat(image.path("purl").asText()).isEqualTo(purl);
        assertThat(image.path("bom-ref").asText()).isEqualTo(purl);
        JsonNode tool = bom().path("metadata").path("tools").path("components").get(0);
        assertThat(tool.path("name").asText()).isEqualTo("strata");
        assertThat(tool.path("version").asText()).isEqualTo("0.1.0");
    }

    @Test
    void oneComponentPerInstalledPackagePlusTheOs() throws Exception {
        JsonNode bom = bom();
        List<JsonNode> components = list(bom.path("components"));
        int packages = SbomFixtures.packages().size();
        assertThat(components).hasSize(packages + 1);
        assertThat(components.stream().filter(c -> c.path("type").asText().equals("operating-system")))
                .singleElement().satisfies(os -> {
                    assertThat(os.path("name").asText()).isEqualTo("debian");
                    assertThat(os.path("version").asText()).isEqualTo("12");
                });
        List<String> refs = new ArrayList<>(components.stream().map(c -> c.path("bom-ref").asText()).toList());
        refs.add(bom.path("metadata").path("component").path("bom-ref").asText());
        assertThat(refs).doesNotHaveDuplicates().doesNotContain("");
        assertThat(components.stream().map(c -> c.path("purl").asText()).filter(p -> !p.isEmpty()).distinct())
                .containsExactlyInAnyOrder(
                        "pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=alpine-3.19",
                        "pkg:deb/debian/bsdutils@2.38.1-5%2Bdeb12u1?arch=amd64&distro=debian-12&epoch=1",
                        "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12",
                        "pkg:deb/debian/libjackson2-databind-java@2.14.0-1?arch=all&distro=debian-12",
                        "pkg:deb/debian/zlib1g@1.2.13.dfsg-1?arch=amd64&distro=debian-12&epoch=1",
                        "pkg:golang/github.com/sirupsen/logrus@v1.9.3",
                        "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.14.0",
                        "pkg:maven/org.apache.commons/commons-lang3@3.14.0",
                        "pkg:npm/%40babel/core@7.23.9",
                        "pkg:npm/lodash@4.17.21",
                        "pkg:npm/shop-internal@3.0.0",
                        "pkg:pypi/cryptography@42.0.5",
                        "pkg:pypi/requests@2.31.0",
                        "pkg:pypi/six@1.16.0");
    }

    @Test
    void samePurlAtTwoPathsGetsTwoComponentsWithPathQualifiedRefs() throws Exception {
        List<JsonNode> lodash = list(bom().path("components")).stream()
                .filter(c -> c.path("purl").asText().equals("pkg:npm/lodash@4.17.21")).toList();
        assertThat(lodash).extracting(c -> c.path("bom-ref").asText()).containsExactly(
                "pkg:npm/lodash@4.17.21|/app/node_modules/legacy-ui/node_modules/lodash/package.json",
                "pkg:npm/lodash@4.17.21|/app/node_modules/lodash/package.json");
        assertThat(lodash).extracting(c -> c.path("evidence").path("occurrences").get(0).path("location").asText())
                .containsExactly("/app/node_modules/legacy-ui/node_modules/lodash/package.json",
                        "/app/node_modules/lodash/package.json");
        assertThat(lodash).extracting(c -> properties(c, CycloneDxWriter.PROPERTY_PATH)).containsExactly(
                List.of("/app/node_modules/legacy-ui/node_modules/lodash/package.json"),
                List.of("/app/node_modules/lodash/package.json"));
    }

    @Test
    void namesGroupsHashesAndProperties() throws Exception {
        JsonNode bom = bom();
        JsonNode babel = component(bom, "pkg:npm/%40babel/core@7.23.9");
        assertThat(babel.path("group").asText()).isEqualTo("@babel");
        assertThat(babel.path("name").asText()).isEqualTo("core");
        JsonNode jackson = component(bom, "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.14.0");
        assertThat(jackson.path("group").asText()).isEqualTo("com.fasterxml.jackson.core");
        assertThat(jackson.path("hashes").get(0).path("alg").asText()).isEqualTo("SHA-1");
        assertThat(jackson.path("hashes").get(0).path("content").asText())
                .isEqualTo("4a5e1e47c9f3bd9e1addf4b6e1c7e1c48b5e2a3d");
        assertThat(properties(jackson, CycloneDxWriter.PROPERTY_OWNED_BY)).containsExactly(SbomFixtures.JACKSON_DEB);
        assertThat(properties(jackson, CycloneDxWriter.PROPERTY_LAYER)).containsExactly(SbomFixtures.L2);
        JsonNode bsdutils = component(bom,
                "pkg:deb/debian/bsdutils@2.38.1-5%2Bdeb12u1?arch=amd64&distro=debian-12&epoch=1");
        assertThat(bsdutils.path("version").asText()).isEqualTo("1:2.38.1-5+deb12u1");
        assertThat(properties(bsdutils, CycloneDxWriter.PROPERTY_SOURCE)).containsExactly("util-linux");
        assertThat(properties(bsdutils, CycloneDxWriter.PROPERTY_SOURCE_VERSION))
                .containsExactly("2.38.1-5+deb12u1");
        assertThat(component(bom, "pkg:golang/github.com/sirupsen/logrus@v1.9.3").path("name").asText())
                .isEqualTo("github.com/sirupsen/logrus");
    }

    @Test
    void licensesAsIdsNamesOrOneExpression() throws Exception {
        JsonNode bom = bom();
        assertThat(list(component(bom,
                "pkg:deb/debian/bsdutils@2.38.1-5%2Bdeb12u1?arch=amd64&distro=debian-12&epoch=1").path("licenses")))
                .extracting(l -> l.path("license").path("id").asText() + "|" + l.path("license").path("name").asText())
                .containsExactly("BSD-4-Clause|", "GPL-2.0-or-later|", "|public-domain");
        assertThat(component(bom, "pkg:maven/org.apache.commons/commons-lang3@3.14.0")
                .path("licenses").get(0).path("license").path("id").asText()).isEqualTo("Apache-2.0");
        assertThat(component(bom, "pkg:pypi/cryptography@42.0.5").path("licenses").get(0)
                .path("expression").asText()).isEqualTo("Apache-2.0 OR BSD-3-Clause");
        assertThat(component(bom, "pkg:npm/shop-internal@3.0.0").path("licenses").get(0)
                .path("license").path("name").asText()).isEqualTo("Acme Proprietary License");
        assertThat(component(bom, "pkg:pypi/six@1.16.0").path("licenses").get(0)
                .path("license").path("name").asText()).isEqualTo("BSD");
        assertThat(component(bom, "pkg:golang/github.com/sirupsen/logrus@v1.9.3").has("licenses")).isFalse();
    }

    @Test
    void flatDependencyGraphUnderTheImage() throws Exception {
        JsonNode bom = bom();
        List<JsonNode> dependencies = list(bom.path("dependencies"));
        assertThat(dependencies).hasSize(1);
        assertThat(dependencies.get(0).path("ref").asText())
                .isEqualTo(bom.path("metadata").path("component").path("bom-ref").asText());
        assertThat(list(dependencies.get(0).path("dependsOn")).stream().map(JsonNode::asText))
                .containsExactlyInAnyOrderElementsOf(
                        list(bom.path("components")).stream().map(c -> c.path("bom-ref").asText()).toList());
    }

    @Test
    void reproducibleWhateverThePackageOrder() throws Exception {
        String first = writer.toJson(SbomFixtures.input());
        List<InstalledPackage> shuffled = new ArrayList<>(SbomFixtures.packages());
        Collections.shuffle(shuffled, new Random(7));
        SbomInput input = SbomFixtures.input();
        SbomInput reordered = new SbomInput(input.image(), input.os(), shuffled, input.toolName(),
                input.toolVersion(), input.timestamp());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CycloneDxWriter().write(reordered, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(first);
    }

    @Test
    void imageWithoutOsOrPackagesAndAnArchivePathReference() throws Exception {
        SbomInput.Image image = new SbomInput.Image("/tmp/My Image.tar", null, SbomFixtures.CONFIG, null,
                List.of(), null);
        JsonNode bom = JSON.readTree(writer.toJson(new SbomInput(image, null, List.of(), "strata", "0.1.0",
                SbomFixtures.TIMESTAMP)));
        assertThat(SchemaValidation.errors(SchemaValidation.CYCLONEDX_16, bom)).isEmpty();
        assertThat(bom.path("metadata").path("component").path("purl").asText())
                .isEqualTo("pkg:oci/my-image@sha256%3A" + SbomFixtures.CONFIG.substring(7));
    }
}
