package dev.strata.scanner.source;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceReferenceParserTest {
    private static SourceReference ref(String text) {
        SourceReferenceParser.Parsed p = SourceReferenceParser.parse(text);
        assertThat(p.barePath()).isNull();
        return p.reference();
    }

    @Test
    void ociWithRefContainingColon() {
        assertThat(ref("oci:/images/layout:app:1.2"))
                .isEqualTo(new SourceReference.OciLayout(Path.of("/images/layout"), "app:1.2"));
        assertThat(ref("oci:/images/layout")).isEqualTo(new SourceReference.OciLayout(Path.of("/images/layout"), null));
        assertThat(ref("oci:/images/layout:").toString()).isEqualTo("oci:/images/layout");
        assertThat(ref("oci:/images/layout:app:1.2").toString()).isEqualTo("oci:/images/layout:app:1.2");
    }

    @Test
    void ociArchiveWithDigestRef() {
        String digest = "sha256:" + "a".repeat(64);
        assertThat(ref("oci-archive:/x/img.tar:" + digest))
                .isEqualTo(new SourceReference.OciArchive(Path.of("/x/img.tar"), digest));
    }

    @Test
    void dockerArchiveTagIndexAndDefaultTag() {
        assertThat(ref("docker-archive:/x/a.tar:repo/app:1.2"))
                .isEqualTo(new SourceReference.DockerArchive(Path.of("/x/a.tar"), "repo/app:1.2", -1));
        assertThat(ref("docker-archive:/x/a.tar:localhost:5000/app"))
                .isEqualTo(new SourceReference.DockerArchive(Path.of("/x/a.tar"), "localhost:5000/app:latest", -1));
        assertThat(ref("docker-archive:/x/a.tar:@2"))
                .isEqualTo(new SourceReference.DockerArchive(Path.of("/x/a.tar"), null, 2));
        assertThat(ref("docker-archive:/x/a.tar")).isEqualTo(new SourceReference.DockerArchive(Path.of("/x/a.tar")));
        assertThat(ref("docker-archive:/x/a.tar:repo:tag").toString()).isEqualTo("docker-archive:/x/a.tar:repo:tag");
        assertThat(ref("docker-archive:/x/a.tar:@2").toString()).isEqualTo("docker-archive:/x/a.tar:@2");
    }

    @Test
    void relativePathsBecomeAbsolute() {
        SourceReference r = ref("oci:rel/dir:app");
        assertThat(r.location()).isEqualTo(Path.of("rel/dir").toAbsolutePath().normalize());
        assertThat(r.toString()).isEqualTo("oci:" + Path.of("rel/dir").toAbsolutePath().normalize() + ":app");
    }

    @Test
    void barePathIsLeftToProbe() {
        SourceReferenceParser.Parsed p = SourceReferenceParser.parse("/tmp/image.tar");
        assertThat(p.reference()).isNull();
        assertThat(p.barePath()).isEqualTo(Path.of("/tmp/image.tar"));
    }

    @Test
    void rejectsUnsupportedTransportsAndEmptyText() {
        assertThatThrownBy(() -> SourceReferenceParser.parse("docker://alpine:3.19"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported image transport 'docker:'");
        assertThatThrownBy(() -> SourceReferenceParser.parse("containers-storage:alpine"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("containers-storage");
        assertThatThrownBy(() -> SourceReferenceParser.parse(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> SourceReferenceParser.parse("oci:"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no path");
        assertThatThrownBy(() -> SourceReferenceParser.parse("docker-archive:/a.tar:app@sha256:" + "a".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("digest");
    }
}
