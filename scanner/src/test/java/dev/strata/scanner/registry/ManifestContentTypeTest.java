package dev.strata.scanner.registry;

import dev.strata.scanner.image.ImageFormatException;
import dev.strata.scanner.image.MediaTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestContentTypeTest {
    @Test
    void acceptsManifestTypes() {
        for (String t : new String[]{MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST,
                MediaTypes.DOCKER_MANIFEST_LIST, "application/json; charset=utf-8", null}) {
            assertThatCode(() -> ManifestContentType.check(t, "m")).doesNotThrowAnyException();
        }
    }

    @Test
    void rejectsSchema1HtmlAndUnknown() {
        assertThatThrownBy(() -> ManifestContentType.check(MediaTypes.DOCKER_MANIFEST_V1_SIGNED, "m"))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("schema 1");
        assertThatThrownBy(() -> ManifestContentType.check("text/html; charset=utf-8", "m"))
                .hasMessageContaining("HTML");
        assertThatThrownBy(() -> ManifestContentType.check("application/vnd.example+json", "m"))
                .hasMessageContaining("unsupported media type application/vnd.example+json");
    }
}
