package dev.strata.scanner.image;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.strata.scanner.image.DeclaredBase.CONFIG_LABELS;
import static dev.strata.scanner.image.DeclaredBase.DIGEST_KEY;
import static dev.strata.scanner.image.DeclaredBase.MANIFEST_ANNOTATIONS;
import static dev.strata.scanner.image.DeclaredBase.NAME_KEY;
import static org.assertj.core.api.Assertions.assertThat;

class DeclaredBaseTest {
    @Test
    void manifestAnnotationsWinOverConfigLabels() {
        assertThat(DeclaredBase.of(Map.of(NAME_KEY, "a:1"), Map.of(NAME_KEY, "b:1", DIGEST_KEY, "sha256:1")))
                .contains(new DeclaredBase("a:1", null, MANIFEST_ANNOTATIONS));
        assertThat(DeclaredBase.of(Map.of("other", "x"), Map.of(DIGEST_KEY, "sha256:2")))
                .contains(new DeclaredBase(null, "sha256:2", CONFIG_LABELS));
        assertThat(DeclaredBase.of(null, Map.of(NAME_KEY, " "))).isEmpty();
        assertThat(DeclaredBase.of(Map.of(), null)).isEmpty();
    }

    @Test
    void describesWhatItHas() {
        assertThat(new DeclaredBase("a:1", "sha256:9", MANIFEST_ANNOTATIONS).describe())
                .isEqualTo("a:1@sha256:9 (from manifest annotations)");
        assertThat(new DeclaredBase(null, "sha256:9", CONFIG_LABELS).describe())
                .isEqualTo("sha256:9 (from config labels)");
    }
}
