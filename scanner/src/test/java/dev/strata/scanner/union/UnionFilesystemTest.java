package dev.strata.scanner.union;

import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.EntryType;
import dev.strata.scanner.layer.LayerEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnionFilesystemTest {
    private static final Digest H = Digest.sha256Of(new byte[0]);

    private static LayerEntry file(String path, long size) {
        return new LayerEntry(path, EntryType.FILE, size, 0100644, 0, 0, 0, null, H);
    }

    private static LayerEntry dir(String path) {
        return new LayerEntry(path, EntryType.DIRECTORY, 0, 040755, 0, 0, 0, null, null);
    }

    private static LayerEntry whiteout(String path) {
        return new LayerEntry(path, EntryType.WHITEOUT, 0, 0, 0, 0, 0, null, null);
    }

    private static LayerEntry opaque(String path) {
        return new LayerEntry(path, EntryType.OPAQUE_WHITEOUT, 0, 0, 0, 0, 0, null, null);
    }

    @Test
    void addsModifiesAndDeletesAcrossLayers() {
        UnionFilesystem fs = new UnionFilesystem();
        LayerChanges base = fs.apply(List.of(dir("/etc"), file("/etc/a", 10), file("/etc/b", 20)));
        assertThat(base.added()).isEqualTo(3);
        assertThat(base.addedBytes()).isEqualTo(30);

        LayerChanges top = fs.apply(List.of(dir("/etc"), file("/etc/a", 15), whiteout("/etc/b"), file("/etc/c", 5)));
        assertThat(top.added()).isEqualTo(1);
        assertThat(top.addedBytes()).isEqualTo(5);
        assertThat(top.modified()).isEqualTo(1);
        assertThat(top.modifiedBytes()).isEqualTo(15);
        assertThat(top.deleted()).isEqualTo(1);
        assertThat(top.deletedBytes()).isEqualTo(20);
        assertThat(fs.paths().keySet()).containsExactly("/etc", "/etc/a", "/etc/c");
        assertThat(fs.paths().get("/etc/a").layerIndex()).isEqualTo(1);
        assertThat(fs.finalFileBytes()).isEqualTo(20);
    }

    @Test
    void whiteoutOfDirectoryRemovesItsSubtreeButNotSiblingsWithSamePrefix() {
        UnionFilesystem fs = new UnionFilesystem();
        fs.apply(List.of(dir("/opt"), dir("/opt/app"), file("/opt/app/x", 1), file("/opt/app/y/z", 2),
                file("/opt/app2", 4), file("/opt/app.txt", 8)));
        LayerChanges del = fs.apply(List.of(whiteout("/opt/app")));
        assertThat(del.deleted()).isEqualTo(3);
        assertThat(del.deletedBytes()).isEqualTo(3);
        assertThat(fs.paths().keySet()).containsExactly("/opt", "/opt/app.txt", "/opt/app2");
    }

    @Test
    void opaqueDirectoryHidesLowerChildrenButKeepsItsOwnLayersEntries() {
        UnionFilesystem fs = new UnionFilesystem();
        fs.apply(List.of(dir("/var"), dir("/var/cache"), file("/var/cache/old", 100), file("/var/keep", 1)));
        // the opaque marker may come after the layer's own entries in the tar: they must survive it
        LayerChanges layer = fs.apply(List.of(dir("/var/cache"), file("/var/cache/new", 7), opaque("/var/cache")));
        assertThat(fs.paths().keySet()).containsExactly("/var", "/var/cache", "/var/cache/new", "/var/keep");
        assertThat(layer.deleted()).isEqualTo(1);
        assertThat(layer.deletedBytes()).isEqualTo(100);
        assertThat(layer.added()).isEqualTo(1);
    }

    @Test
    void whiteoutDoesNotDeleteWhatTheSameLayerAdds() {
        UnionFilesystem fs = new UnionFilesystem();
        fs.apply(List.of(file("/a", 1)));
        fs.apply(List.of(file("/a", 2), whiteout("/a")));
        assertThat(fs.paths()).containsKey("/a");
        assertThat(fs.paths().get("/a").entry().size()).isEqualTo(2);
    }

    @Test
    void whiteoutOfMissingPathChangesNothing() {
        UnionFilesystem fs = new UnionFilesystem();
        fs.apply(List.of(file("/a", 1)));
        LayerChanges c = fs.apply(List.of(whiteout("/nope")));
        assertThat(c.deleted()).isZero();
        assertThat(fs.paths()).containsOnlyKeys("/a");
    }

    @Test
    void fileReplacingDirectoryHidesItsLowerContents() {
        UnionFilesystem fs = new UnionFilesystem();
        fs.apply(List.of(dir("/d"), file("/d/x", 3)));
        LayerChanges c = fs.apply(List.of(file("/d", 9)));
        assertThat(fs.paths()).containsOnlyKeys("/d");
        assertThat(c.modified()).isEqualTo(1);
        assertThat(c.deleted()).isEqualTo(1);
        assertThat(c.deletedBytes()).isEqualTo(3);
    }

    @Test
    void unchangedParentDirectoryIsNotAModificationButChangedModeIs() {
        UnionFilesystem fs = new UnionFilesystem();
        fs.apply(List.of(dir("/usr"), dir("/tmp")));
        LayerChanges c = fs.apply(List.of(dir("/usr"),
                new LayerEntry("/tmp", EntryType.DIRECTORY, 0, 041777, 0, 0, 0, null, null)));
        assertThat(c.modified()).isEqualTo(1);
        assertThat(c.changes()).extracting(PathChange::path).containsExactly("/tmp");
    }
}
