package dev.strata.scanner.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthChallengeTest {
    @Test
    void bearerWithAllParameters() {
        assertThat(AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:samalba/my-app:pull,push\""))
                .containsExactly(new AuthChallenge.Bearer("https://auth.docker.io/token", "registry.docker.io",
                        "repository:samalba/my-app:pull,push"));
    }

    @Test
    void bearerSchemeIsCaseInsensitiveAndServiceOptional() {
        assertThat(AuthChallenge.parse("bearer  realm = \"http://127.0.0.1:1/t\""))
                .containsExactly(new AuthChallenge.Bearer("http://127.0.0.1:1/t", null, null));
    }

    @Test
    void basicAndEscapes() {
        assertThat(AuthChallenge.parse("Basic realm=\"Registry \\\"realm\\\"\""))
                .containsExactly(new AuthChallenge.Basic("Registry \"realm\""));
        assertThat(AuthChallenge.parse("Basic")).containsExactly(new AuthChallenge.Basic(null));
    }

    @Test
    void severalChallengesInOneHeaderUnknownSkipped() {
        assertThat(AuthChallenge.parse("Negotiate abc, Basic realm=x, Bearer realm=\"r\",service=s"))
                .containsExactly(new AuthChallenge.Basic("x"), new AuthChallenge.Bearer("r", "s", null));
    }

    @Test
    void badChallenges() {
        assertThatThrownBy(() -> AuthChallenge.parse("Bearer service=\"x\"")).hasMessageContaining("realm");
        assertThatThrownBy(() -> AuthChallenge.parse("Bearer realm=\"open")).hasMessageContaining("unterminated");
        assertThat(AuthChallenge.parse(null)).isEmpty();
    }
}
