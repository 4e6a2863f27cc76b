package dev.strata.server;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryHostPolicyTest {
    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void refusesLinkLocalAndMetadataAddressesByDefault() throws Exception {
        RegistryHostPolicy p = RegistryHostPolicy.defaults();
        assertThat(p.refusal("169.254.169.254", List.of(ip("169.254.169.254")))).get().asString()
                .contains("link-local or cloud metadata");
        assertThat(p.refusal("metadata.internal", List.of(ip("169.254.0.1")))).isPresent();
        assertThat(p.refusal("[fd00:ec2::254]", List.of(ip("fd00:ec2::254")))).isPresent();
        assertThat(p.refusal("[fe80::1]", List.of(ip("fe80::1")))).isPresent();
        assertThat(p.refusal("registry.example", List.of(ip("10.1.2.3"), ip("169.254.9.9")))).isPresent();
        assertThat(p.refusal("registry.example", List.of(ip("10.1.2.3")))).isEmpty();
        assertThat(p.refusal("127.0.0.1", List.of(ip("127.0.0.1")))).isEmpty();
        assertThat(p.refusal("[fd00:ec2::253]", List.of(ip("fd00:ec2::253")))).isEmpty();
    }

    @Test
    void linkLocalCanBeAllowedOnPurpose() throws Exception {
        RegistryHostPolicy p = new RegistryHostPolicy(List.of(), List.of(), true);
        assertThat(p.refusal("169.254.169.254", List.of(ip("169.254.169.254")))).isEmpty();
    }

    @Test
    void denyWinsAndAllowListsLimitHosts() {
        RegistryHostPolicy p = new RegistryHostPolicy(List.of("*.corp.example", "registry.example"),
                List.of("bad.corp.example"), false);
        assertThat(p.refusal("Registry.Example", List.of())).isEmpty();
        assertThat(p.refusal("eu.corp.example", List.of())).isEmpty();
        assertThat(p.refusal("bad.corp.example", List.of())).get().asString().contains("denied");
        assertThat(p.refusal("corp.example.evil", List.of())).get().asString().contains("allow list");
        assertThat(p.refusal("docker.io", List.of())).get().asString().contains("allow list");
    }
}
