package dev.strata.scanner.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestTest {
    static final String HEX = "0123456789abcdef".repeat(4);

    @Test
    void acceptsLowerHexOfTheAlgorithmsLength() {
        assertThat(Digest.parse("sha256:" + HEX).hex()).isEqualTo(HEX);
        assertThat(Digest.parse("sha512:" + HEX + HEX).algorithm()).isEqualTo("sha512");
        assertThat(Digest.sha256Of(new byte[0]).toString())
                .isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void rejectsUpperCaseWrongLengthAndOtherCharacters() {
        for (String bad : new String[]{"sha256:" + HEX.toUpperCase(), "sha256:" + HEX.substring(1),
                "sha256:" + HEX + "0", "sha256:" + HEX.substring(1) + "g", "sha512:" + HEX, "md5:" + HEX, HEX}) {
            assertThatThrownBy(() -> Digest.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Digest.isDigest("sha256:" + HEX.substring(1) + "-")).isFalse();
    }
}
