package dev.strata.scanner.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryRoutingTest {
    @TempDir
    Path tmp;

    @Test
    void referencesGoToTheRegistry() {
        assertThat(RegistryRouting.isRegistryReference("nginx")).isTrue();
        assertThat(RegistryRouting.isRegistryReference("docker://nginx:1")).isTrue();
        assertThat(RegistryRouting.isRegistryReference("localhost:5000/team/app:1")).isTrue();
        assertThat(RegistryRouting.isRegistryReference("ghcr.io/o/app@sha256:" + "a".repeat(64))).isTrue();
    }

    @Test
    void pathsAndLocalTransportsDoNot() throws Exception {
        assertThat(RegistryRouting.isRegistryReference("oci:/images/layout:app")).isFalse();
        assertThat(RegistryRouting.isRegistryReference("docker-archive:app.tar")).isFalse();
        assertThat(RegistryRouting.isRegistryReference("oci-archive:x")).isFalse();
        assertThat(RegistryRouting.isRegistryReference("/tmp/image")).isFalse();
        assertThat(RegistryRouting.isRegistryReference("./image")).isFalse();
        assertThat(RegistryRouting.isRegistryReference("image.tar")).isFalse();
        assertThat(RegistryRouting.isRegistryReference("image.tar.gz")).isFalse();
        assertThat(RegistryRouting.isRegistryReference("Not A Reference")).isFalse();
        assertThat(RegistryRouting.isRegistryReference("ftp:somewhere")).isFalse();
        assertThat(RegistryRouting.isRegistryReference("docker-daemon:app:1")).isFalse();
        Path existing = Files.createDirectories(tmp.resolve("layout"));
        assertThat(RegistryRouting.isRegistryReference(existing.toString())).isFalse();
    }
}
