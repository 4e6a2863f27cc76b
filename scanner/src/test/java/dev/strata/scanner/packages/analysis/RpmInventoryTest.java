package dev.strata.scanner.packages.analysis;

import dev.strata.scanner.packages.InstalledPackage;
import dev.strata.scanner.testing.TarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** rpm SQLite databases read through a temporary copy: a real database made with rpmbuild and rpm 4.18. */
class RpmInventoryTest {

    private static final String DB = "usr/lib/sysimage/rpm/rpmdb.sqlite";

    @TempDir
    Path tmp;

    private static byte[] rpmdb() throws IOException {
        try (InputStream in = RpmInventoryTest.class
                .getResourceAsStream("/dev/strata/scanner/packages/analysis/rpm/rpmdb.sqlite")) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsPackagesAndFileOwnershipAndDeletesTheCopy() throws IOException {
        Path work = tmp.resolve("tmp");
        LayerStack stack = new LayerStack(List.of(), work);
        stack.add(new TarBuilder().file("etc/os-release", "ID=fedora\nVERSION_ID=40\n").file(DB, rpmdb()));
        stack.add(new TarBuilder().file("usr/lib/python3.12/site-packages/demo-1.2.3.dist-info/METADATA",
                "Metadata-Version: 2.1\nName: demo\nVersion: 1.2.3\n"));

        InventoryResult r = stack.inventory();

        assertThat(r.warnings()).isEmpty();
        assertThat(r.packages()).extracting(p -> p.pkg().purl()).containsExactly(
                "pkg:rpm/fedora/strata-demo@1.2.3-4.fc40?arch=x86_64&distro=fedora-40&epoch=2",
                "pkg:rpm/fedora/strata-lib@0.9-1?arch=noarch&distro=fedora-40",
                "pkg:pypi/demo@1.2.3");
        InstalledPackage demo = r.packages().get(0);
        assertThat(demo.pkg().sourceName()).isEqualTo("strata-demo");
        assertThat(demo.pkg().sourceVersion()).isEqualTo("2:1.2.3-4.fc40");
        assertThat(demo.pkg().licenses()).containsExactly("MIT AND Apache-2.0");
        assertThat(demo.pkg().paths()).containsExactly("/" + DB);
        assertThat(demo.layerDiffId()).isEqualTo(stack.diffId(0));
        assertThat(r.packages().get(2).ownedBy()).isEqualTo(demo.pkg().purl());
        assertThat(r.packages().get(2).layerDiffId()).isEqualTo(stack.diffId(1));
        try (Stream<Path> left = Files.list(work)) {
            // sqlite-jdbc may have unpacked its native library here; the database copy must be gone
            assertThat(left).noneMatch(f -> f.getFileName().toString().startsWith("rpmdb-"));
        }
    }

    @Test
    void upgradeAcrossLayersIsAttributedToTheUpgradingLayer() throws IOException {
        LayerStack stack = new LayerStack(List.of(), tmp);
        stack.add(new TarBuilder().file(DB, rpmdb()));
        stack.add(new TarBuilder().file("etc/motd", "same database below"));
        InventoryResult r = stack.inventory();
        assertThat(r.packages()).allSatisfy(p -> assertThat(p.layerDiffId()).isEqualTo(stack.diffId(0)));
    }

    @Test
    void notADatabaseGivesAWarning() {
        LayerStack stack = new LayerStack(List.of(), tmp);
        stack.add(new TarBuilder().file(DB, "not sqlite at all, just text that is long enough to be read"));
        InventoryResult r = stack.inventory();
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w).startsWith("/" + DB + ": not read: "));
    }
}
