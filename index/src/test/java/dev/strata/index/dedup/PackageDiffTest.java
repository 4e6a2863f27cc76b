package dev.strata.index.dedup;

import dev.strata.index.IndexedPackage;
import dev.strata.scanner.image.Digest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PackageDiffTest {
    static final Digest IMG = Digest.sha256Of(new byte[]{1});

    static IndexedPackage pkg(String type, String name, String version) {
        return new IndexedPackage(IMG, "pkg:" + type + "/" + name + "@" + version, type, name, version, null,
                List.of(), null);
    }

    @Test
    void upgradesAndDowngradesUseTheEcosystemOrdering() {
        List<IndexedPackage> from = List.of(pkg("deb", "libc6", "2.36-9+deb12u3"), pkg("deb", "curl", "7.88.1-10"),
                pkg("apk", "musl", "1.2.4-r2"), pkg("pypi", "requests", "2.31.0"), pkg("deb", "gone", "1.0"),
                pkg("generic", "thing", "b"), pkg("maven", "g:a", "1.0"), pkg("maven", "g:a", "2.0"));
        List<IndexedPackage> to = List.of(pkg("deb", "libc6", "2.36-9+deb12u10"), pkg("deb", "curl", "7.88.1-10~bpo1"),
                pkg("apk", "musl", "1.2.4_git20230717-r4"), pkg("pypi", "requests", "2.31.0"), pkg("deb", "new", "3"),
                pkg("generic", "thing", "a"), pkg("maven", "g:a", "2.0"), pkg("maven", "g:a", "3.0"));

        PackageDiff.Result r = PackageDiff.compare(from, to);

        // dpkg: 9+deb12u10 > 9+deb12u3 (numeric), 10~bpo1 < 10 (tilde sorts first); apk: _git suffix and r4
        assertThat(r.upgraded()).containsExactly(
                new PackageDiff.Change("apk", "musl", "1.2.4-r2", "1.2.4_git20230717-r4"),
                new PackageDiff.Change("deb", "libc6", "2.36-9+deb12u3", "2.36-9+deb12u10"));
        assertThat(r.downgraded()).containsExactly(new PackageDiff.Change("deb", "curl", "7.88.1-10", "7.88.1-10~bpo1"));
        assertThat(r.changed()).containsExactly(new PackageDiff.Change("generic", "thing", "b", "a"));
        assertThat(r.added()).containsExactly(new PackageDiff.Change("deb", "new", null, "3"),
                new PackageDiff.Change("maven", "g:a", null, "3.0"));
        assertThat(r.removed()).containsExactly(new PackageDiff.Change("deb", "gone", "1.0", null),
                new PackageDiff.Change("maven", "g:a", "1.0", null));
    }
}
