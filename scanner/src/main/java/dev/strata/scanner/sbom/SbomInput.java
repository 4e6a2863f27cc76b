package dev.strata.scanner.sbom;

import dev.strata.scanner.packages.InstalledPackage;
import dev.strata.scanner.packages.os.OsInfo;
import dev.strata.scanner.report.ImageSummary;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything an SBOM of one image is made from: the image, its distribution ({@code os}, null when unknown),
 * the installed packages, the producing tool and the document timestamp (passed in so that output is
 * reproducible).
 */
public record SbomInput(Image image, OsInfo os, List<InstalledPackage> packages, String toolName,
                        String toolVersion, Instant timestamp) {

    public SbomInput {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(timestamp, "timestamp");
        packages = packages == null ? List.of() : List.copyOf(packages);
    }

    /**
     * Identity of the scanned image: the reference it was scanned by, the manifest and config digests
     * ({@code sha256:…}, either may be null, not both), the platform ({@code linux/amd64}, nullable), the repo
     * tags (may be empty) and the config's {@code created} time (nullable).
     */
    public record Image(String reference, String manifestDigest, String configDigest, String platform,
                        List<String> repoTags, String created) {

        public Image {
            Objects.requireNonNull(reference, "reference");
            if (manifestDigest == null && configDigest == null) {
                throw new IllegalArgumentException("image has neither manifest nor config digest: " + reference);
            }
            repoTags = repoTags == null ? List.of() : List.copyOf(repoTags);
        }

        /** The image part of a scan report. */
        public static Image of(ImageSummary summary) {
            return new Image(summary.reference(), summary.digest(), summary.configDigest(), summary.platform(),
                    summary.repoTags(), summary.created());
        }

        /** The digest that identifies the image: the manifest digest, else the config digest. */
        public String digest() {
            return manifestDigest != null ? manifestDigest : configDigest;
        }
    }
}
