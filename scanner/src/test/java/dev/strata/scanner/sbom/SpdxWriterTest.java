package dev.strata.scanner.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.scanner.packages.InstalledPackage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class SpdxWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SpdxWriter writer = new SpdxWriter();

    private JsonNode doc() throws Exception {
        return JSON.readTree(writer.toJson(SbomFixtures.input()));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static JsonNode byPurl(JsonNode doc, String purl) {
        return list(doc.path("packages")).stream()
                .filter(p -> p.path("externalRefs").path(0).path("referenceLocator").asText().equals(purl))
                .findFirst().orElseThrow(() -> new AssertionError("no package " + purl));
    }

    @Test
    void validAgainstOfficialSchema() throws Exception {
        JsonNode doc = doc();
        assertThat(SchemaValidation.errors(SchemaValidation.SPDX_23, doc)).isEmpty();
        assertThat(doc.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        assertThat(doc.path("dataLicense").asText()).isEqualTo("CC0-1.0");
        assertThat(doc.path("SPDXID").asText()).isEqualTo("SPDXRef-DOCUMENT");
        assertThat(doc.path("documentNamespace").asText()).isEqualTo("https://strata.dev/spdxdocs/api/sha256-"
                + SbomFixtures.DIGEST.substring(7) + "/strata-0.1.0");
        assertThat(doc.path("creationInfo").path("created").asText()).isEqualTo("2026-11-27T10:15:30Z");
        assertThat(list(doc.path("creationInfo").path("creators"))).extracting(JsonNode::asText)
                .containsExactly("Tool: strata-0.1.0");
    }

    @Test
    void schemaValidationCatchesAnInvalidDocument() throws Exception {
        ObjectNode doc = (ObjectNode) doc();
        doc.remove("dataLicense");
        ((ObjectNode) doc.path("packages").get(2)).put("primaryPackagePurpose", "GADGET");
        assertThat(SchemaValidation.errors(SchemaValidation.SPDX_23, doc)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void imageOsAndOnePackagePerInstalledPackage() throws Exception {
        JsonNode doc = doc();
        List<JsonNode> packages = list(doc.path("packages"));
        assertThat(packages).hasSize(SbomFixtures.packages().size() + 2);
        JsonNode image = packages.get(0);
        assertThat(image.path("SPDXID").asText()).isEqualTo("SPDXRef-Image");
        assertThat(image.path("primaryPackagePurpose").asText()).isEqualTo("CONTAINER");
        assertThat(image.path("versionInfo").asText()).isEqualTo(SbomFixtures.DIGEST);
        assertThat(image.path("builtDate").asText()).isEqualTo("2026-11-20T08:00:00Z");
        assertThat(image.path("checksums").get(0).path("checksumValue").asText())
                .isEqualTo(SbomFixtures.DIGEST.substring(7));
        assertThat(image.path("externalRefs").get(0).path("referenceLocator").asText())
                .startsWith("pkg:oci/api@sha256%3A");
        assertThat(packages.get(1).path("primaryPackagePurpose").asText()).isEqualTo("OPERATING_SYSTEM");
        assertThat(packages.get(1).path("name").asText()).isEqualTo("debian");
        List<JsonNode> libraries = packages.subList(2, packages.size());
        assertThat(libraries).allSatisfy(p -> {
            assertThat(p.path("primaryPackagePurpose").asText()).isEqualTo("LIBRARY");
            assertThat(p.path("downloadLocation").asText()).isEqualTo("NOASSERTION");
            assertThat(p.path("filesAnalyzed").asBoolean(true)).isFalse();
            assertThat(p.path("licenseConcluded").asText()).isEqualTo("NOASSERTION");
            assertThat(p.path("copyrightText").asText()).isEqualTo("NOASSERTION");
            assertThat(p.path("supplier").asText()).isEqualTo("NOASSERTION");
            assertThat(p.path("externalRefs").get(0).path("referenceCategory").asText()).isEqualTo("PACKAGE-MANAGER");
            assertThat(p.path("externalRefs").get(0).path("referenceType").asText()).isEqualTo("purl");
            assertThat(p.path("comment").asText()).startsWith("layer sha256:").contains("; path /");
        });
        assertThat(libraries.stream().filter(p -> p.path("name").asText().equals("lodash"))).hasSize(2);
    }

    @Test
    void spdxIdsAreUniqueAndValid() throws Exception {
        List<String> ids = list(doc().path("packages")).stream().map(p -> p.path("SPDXID").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("SPDXRef-[A-Za-z0-9.-]+"));
        assertThat(ids).contains("SPDXRef-Package-npm-babel-core-9",
                "SPDXRef-Package-golang-github.com-sirupsen-logrus-6");
    }

    @Test
    void relationshipsDescribeTheImageAndContainEveryPackage() throws Exception {
        JsonNode doc = doc();
        List<JsonNode> relationships = list(doc.path("relationships"));
        List<String> ids = list(doc.path("packages")).stream().map(p -> p.path("SPDXID").asText()).toList();
        assertThat(relationships).hasSize(ids.size());
        assertThat(relationships.get(0).path("spdxElementId").asText()).isEqualTo("SPDXRef-DOCUMENT");
        assertThat(relationships.get(0).path("relationshipType").asText()).isEqualTo("DESCRIBES");
        assertThat(relationships.get(0).path("relatedSpdxElement").asText()).isEqualTo("SPDXRef-Image");
        List<JsonNode> contains = relationships.subList(1, relationships.size());
        assertThat(contains).allSatisfy(r -> {
            assertThat(r.path("spdxElementId").asText()).isEqualTo("SPDXRef-Image");
            assertThat(r.path("relationshipType").asText()).isEqualTo("CONTAINS");
        });
        assertThat(contains).extracting(r -> r.path("relatedSpdxElement").asText())
                .containsExactlyElementsOf(ids.subList(1, ids.size()));
    }

    @Test
    void licensesDeclaredAsSpdxExpressionsOrLicenseRefs() throws Exception {
        JsonNode doc = doc();
        assertThat(byPurl(doc, "pkg:deb/debian/bsdutils@2.38.1-5%2Bdeb12u1?arch=amd64&distro=debian-12&epoch=1")
                .path("licenseDeclared").asText())
                .isEqualTo("BSD-4-Clause AND GPL-2.0-or-later AND LicenseRef-public-domain");
        assertThat(byPurl(doc, "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12")
                .path("licenseDeclared").asText()).isEqualTo("GPL-2.0-or-later AND LGPL-2.1-only");
        assertThat(byPurl(doc, "pkg:pypi/cryptography@42.0.5").path("licenseDeclared").asText())
                .isEqualTo("Apache-2.0 OR BSD-3-Clause");
        assertThat(byPurl(doc, "pkg:pypi/requests@2.31.0").path("licenseDeclared").asText())
                .isEqualTo("Apache-2.0");
        assertThat(byPurl(doc, "pkg:npm/shop-internal@3.0.0").path("licenseDeclared").asText())
                .isEqualTo("LicenseRef-Acme-Proprietary-License");
        assertThat(byPurl(doc, "pkg:golang/github.com/sirupsen/logrus@v1.9.3").path("licenseDeclared").asText())
                .isEqualTo("NOASSERTION");
        assertThat(list(doc.path("hasExtractedLicensingInfos"))).extracting(i -> i.path("licenseId").asText())
                .containsExactly("LicenseRef-Acme-Proprietary-License", "LicenseRef-BSD",
                        "LicenseRef-public-domain");
        assertThat(list(doc.path("hasExtractedLicensingInfos"))).extracting(i -> i.path("name").asText())
                .containsExactly("Acme Proprietary License", "BSD", "public-domain");
    }

    @Test
    void checksumsSourceInfoAndOwnership() throws Exception {
        JsonNode doc = doc();
        JsonNode lang3 = byPurl(doc, "pkg:maven/org.apache.commons/commons-lang3@3.14.0");
        assertThat(lang3.path("checksums").get(0).path("algorithm").asText()).isEqualTo("SHA1");
        assertThat(lang3.path("checksums").get(0).path("checksumValue").asText())
                .isEqualTo("1ed471194b02f2c6cb734a0cd6f6f107c673afae");
        JsonNode jackson = byPurl(doc, "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.14.0");
        assertThat(jackson.path("comment").asText()).isEqualTo("layer " + SbomFixtures.L2
                + "; path /usr/share/java/jackson-databind.jar; owned by " + SbomFixtures.JACKSON_DEB);
        JsonNode zlib = byPurl(doc, "pkg:deb/debian/zlib1g@1.2.13.dfsg-1?arch=amd64&distro=debian-12&epoch=1");
        assertThat(zlib.path("versionInfo").asText()).isEqualTo("1:1.2.13.dfsg-1");
        assertThat(zlib.path("sourceInfo").asText()).isEqualTo("built package from: zlib 1.2.13.dfsg-1");
        assertThat(zlib.path("licenseDeclared").asText()).isEqualTo("Zlib");
    }

    @Test
    void reproducibleWhateverThePackageOrder() throws Exception {
        String first = writer.toJson(SbomFixtures.input());
        assertThat(writer.toJson(SbomFixtures.input())).isEqualTo(first);
        List<InstalledPackage> shuffled = new ArrayList<>(SbomFixtures.packages());
        Collections.shuffle(shuffled, new Random(11));
        SbomInput input = SbomFixtures.input();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SpdxWriter().write(new SbomInput(input.image(), input.os(), shuffled, input.toolName(),
                input.toolVersion(), input.timestamp()), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(first);
    }

    @Test
    void builtDateOnlyWhenTheCreatedTimeParses() {
        assertThat(SpdxWriter.builtDate("2023-10-02T21:05:08.123456789+02:00")).contains("2023-10-02T19:05:08Z");
        assertThat(SpdxWriter.builtDate("yesterday")).isEmpty();
        assertThat(SpdxWriter.builtDate(null)).isEmpty();
    }

    @Test
    void minimalDocumentIsValid() throws Exception {
        SbomInput.Image image = new SbomInput.Image("docker.io/library/alpine:3.19", SbomFixtures.DIGEST, null,
                "linux/arm64/v8", List.of(), null);
        JsonNode doc = JSON.readTree(writer.toJson(new SbomInput(image, null, List.of(), "strata", "0.1.0",
                SbomFixtures.TIMESTAMP)));
        assertThat(SchemaValidation.errors(SchemaValidation.SPDX_23, doc)).isEmpty();
        assertThat(list(doc.path("packages"))).hasSize(1);
        assertThat(list(doc.path("relationships"))).hasSize(1);
        assertThat(doc.has("hasExtractedLicensingInfos")).isFalse();
        assertThat(doc.path("packages").get(0).path("externalRefs").get(0).path("referenceLocator").asText())
                .isEqualTo("pkg:oci/alpine@sha256%3A" + SbomFixtures.DIGEST.substring(7)
                        + "?arch=arm64&repository_url=docker.io%2Flibrary%2Falpine&tag=3.19");
    }
}
