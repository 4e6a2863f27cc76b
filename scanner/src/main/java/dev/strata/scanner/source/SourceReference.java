package dev.strata.scanner.source;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Names an image on disk, in skopeo's transport syntax: {@code docker-archive:PATH[:repo:tag|:@N]},
 * {@code oci:DIR[:REF]}, {@code oci-archive:PATH[:REF]}, or a bare path whose format is detected from the
 * file. As in skopeo, the path ends at the first {@code :} after the transport. {@link #toString()} gives
 * the canonical text with an absolute path.
 */
public sealed interface SourceReference
        permits SourceReference.DockerArchive, SourceReference.OciLayout, SourceReference.OciArchive {

    /** The file or directory the image is read from. */
    Path location();

    /**
     * Parses {@code text}. Text with a transport prefix is parsed without touching the file system
     * (see {@link SourceReferenceParser}); a bare path is probed ({@link SourceProbe}).
     *
     * @throws IllegalArgumentException when the text is malformed or names an unsupported transport
     * @throws IOException              ({@link dev.strata.scanner.image.ImageFormatException}) when a bare
     *                                  path does not exist or is not a recognised image format
     */
    static SourceReference parse(String text) throws IOException {
        SourceReferenceParser.Parsed parsed = SourceReferenceParser.parse(text);
        if (parsed.reference() != null) {
            return parsed.reference();
        }
        return SourceProbe.detect(parsed.barePath());
    }

    /** A {@code docker save} tar (plain or gzip-compressed); {@code repoTag} nullable, {@code index} -1 if none. */
    record DockerArchive(Path path, String repoTag, int index) implements SourceReference {
        public DockerArchive {
            path = SourceReferenceParser.absolute(path);
            if (repoTag != null && index >= 0) {
                throw new IllegalArgumentException("docker-archive reference can name a tag or an @index, not both");
            }
        }

        public DockerArchive(Path path) {
            this(path, null, -1);
        }

        @Override
        public Path location() {
            return path;
        }

        @Override
        public String toString() {
            if (repoTag != null) {
                return "docker-archive:" + path + ":" + repoTag;
            }
            return index >= 0 ? "docker-archive:" + path + ":@" + index : "docker-archive:" + path;
        }
    }

    /** An OCI image layout directory; {@code ref} (nullable) is a ref.name annotation or a manifest digest. */
    record OciLayout(Path dir, String ref) implements SourceReference {
        public OciLayout {
            dir = SourceReferenceParser.absolute(dir);
        }

        @Override
        public Path location() {
            return dir;
        }

        @Override
        public String toString() {
            return ref == null ? "oci:" + dir : "oci:" + dir + ":" + ref;
        }
    }

    /** A tar of an OCI image layout; {@code ref} as for {@link OciLayout}. */
    record OciArchive(Path path, String ref) implements SourceReference {
        public OciArchive {
            path = SourceReferenceParser.absolute(path);
        }

        @Override
        public Path location() {
            return path;
        }

        @Override
        public String toString() {
            return ref == null ? "oci-archive:" + path : "oci-archive:" + path + ":" + ref;
        }
    }
}
