package dev.strata.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceKindTest {
    private static String host(String ref) {
        return ((ReferenceKind.Registry) ReferenceKind.of(ref)).host();
    }

    @Test
    void localTransportsAndPathsAreLocal() {
        for (String ref : new String[] {"docker-archive:/tmp/a.tar", "oci:/images/layout:app:1", "OCI-ARCHIVE:x.tar",
                "/tmp/a.tar", "./a.tar", "../x", "~/a.tar", "docker:///etc/passwd", "a b c", "app:1.0:extra:bad"}) {
            assertThat(ReferenceKind.of(ref)).as(ref).isInstanceOf(ReferenceKind.Local.class);
        }
    }

    @Test
    void registryReferencesNameTheirHost() {
        assertThat(host("registry.example:5000/team/app:1.0")).isEqualTo("registry.example");
        assertThat(host("localhost:5000/app")).isEqualTo("localhost");
        assertThat(host("169.254.169.254/latest/meta-data")).isEqualTo("169.254.169.254");
        assertThat(host("[fd00:ec2::254]:80/app:1")).isEqualTo("[fd00:ec2::254]");
        assertThat(host("docker://quay.io/org/app@sha256:" + "ab".repeat(32))).isEqualTo("quay.io");
        assertThat(host("nginx:1.25")).isEqualTo("docker.io");
        assertThat(host("library/nginx")).isEqualTo("docker.io");
    }
}
