package dev.strata.scanner.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryReferenceTest {
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @ParameterizedTest
    @CsvSource({
            "nginx, registry-1.docker.io/library/nginx:latest",
            "docker://nginx, registry-1.docker.io/library/nginx:latest",
            "nginx:1.27, registry-1.docker.io/library/nginx:1.27",
            "bitnami/redis, registry-1.docker.io/bitnami/redis:latest",
            "docker.io/nginx, registry-1.docker.io/library/nginx:latest",
            "index.docker.io/library/nginx:1, registry-1.docker.io/library/nginx:1",
            "registry.hub.docker.com/team/app:2, registry-1.docker.io/team/app:2",
            "localhost/app, localhost/app:latest",
            "localhost:5000/team/app:1.4, localhost:5000/team/app:1.4",
            "127.0.0.1:5000/app, 127.0.0.1:5000/app:latest",
            "registry.example.com/team/sub/app:v1.2_rc-3, registry.example.com/team/sub/app:v1.2_rc-3",
            "ghcr.io/o/a-b__c.d, ghcr.io/o/a-b__c.d:latest",
            "[::1]:5000/app:1, [::1]:5000/app:1",
    })
    void normalises(String text, String expected) {
        assertThat(RegistryReference.parse(text).toString()).isEqualTo(expected);
    }

    @Test
    void digestReferencesPullByDigestAndKeepTheTag() {
        RegistryReference byDigest = RegistryReference.parse("quay.io/team/app@" + DIGEST);
        assertThat(byDigest.tag()).isNull();
        assertThat(byDigest.manifestReference()).isEqualTo(DIGEST);
        assertThat(byDigest.toString()).isEqualTo("quay.io/team/app@" + DIGEST);
        RegistryReference both = RegistryReference.parse("nginx:1.27@" + DIGEST);
        assertThat(both.tag()).isEqualTo("1.27");
        assertThat(both.manifestReference()).isEqualTo(DIGEST);
        assertThat(both.toString()).isEqualTo("registry-1.docker.io/library/nginx:1.27@" + DIGEST);
    }

    @Test
    void partsAndScope() {
        RegistryReference r = RegistryReference.parse("localhost:5000/team/app:1");
        assertThat(r.registry()).isEqualTo("localhost:5000");
        assertThat(r.repository()).isEqualTo("team/app");
        assertThat(r.tag()).isEqualTo("1");
        assertThat(r.pullScope()).isEqualTo("repository:team/app:pull");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "team/UPPER", "app:", "app:-bad", "app@sha256:123", "host:5000/", "a//b",
            "app:tag:more!", "-app", "registry.example.com/Team/app"})
    void rejects(String text) {
        assertThatThrownBy(() -> RegistryReference.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("\n");
        assertThat(RegistryReference.looksLikeReference(text)).isFalse();
    }

    @Test
    void pathsDoNotLookLikeReferences() {
        assertThat(RegistryReference.looksLikeReference("/tmp/image.tar")).isFalse();
        assertThat(RegistryReference.looksLikeReference("./image.tar")).isFalse();
        assertThat(RegistryReference.looksLikeReference("nginx")).isTrue();
    }
}
