package dev.strata.scanner.sbom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OciImageNameTest {

    private static final String DIGEST = SbomFixtures.DIGEST;
    private static final String HEX = DIGEST.substring(7);

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "debian|debian|-",
            "debian:12|debian|12",
            "docker.io/library/debian:12|docker.io/library/debian|12",
            "localhost:5000/team/app:v1.2|localhost:5000/team/app|v1.2",
            "ghcr.io/org/app@sha256:" + "b16cef8cbcb20935c0f052e37fc3d38dc92bfec0bcfb894c328547f81e932d67"
                    + "|ghcr.io/org/app|-",
            "quay.io/org/app:1.0@sha256:b16cef8cbcb20935c0f052e37fc3d38dc92bfec0bcfb894c328547f81e932d67"
                    + "|quay.io/org/app|1.0",
    })
    void parsesReferences(String reference, String repository, String tag) {
        assertThat(OciImageName.parse(reference)).isEqualTo(new OciImageName(repository, tag));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tmp/image.tar", "oci-archive:/tmp/x.tar", "Debian:12", "app:bad tag", " "})
    void rejectsWhatIsNoImageReference(String reference) {
        assertThat(OciImageName.parse(reference)).isNull();
    }

    @Test
    void purlUsesLastSegmentLowercasedWithQualifiers() {
        OciImageName name = OciImageName.parse("docker.io/library/debian:12");
        assertThat(OciImageName.purl(name, "x", DIGEST, "linux/arm64/v8")).isEqualTo("pkg:oci/debian@sha256%3A" + HEX
                + "?arch=arm64&repository_url=docker.io%2Flibrary%2Fdebian&tag=12");
        assertThat(OciImageName.purl(null, "My-Image", DIGEST, null)).isEqualTo("pkg:oci/my-image@sha256%3A" + HEX);
    }

    @Test
    void prefersARepoTagOverAnArchivePathReference() {
        SbomInput.Image image = new SbomInput.Image("/scans/nginx.tar", null, DIGEST, "linux/amd64",
                List.of("docker.io/library/nginx:1.25"), null);
        SbomImage sbom = SbomImage.of(image);
        assertThat(sbom.name()).isEqualTo("docker.io/library/nginx");
        assertThat(sbom.version()).isEqualTo(DIGEST);
        assertThat(sbom.purl()).isEqualTo("pkg:oci/nginx@sha256%3A" + HEX
                + "?arch=amd64&repository_url=docker.io%2Flibrary%2Fnginx&tag=1.25");
    }
}
