package dev.strata.index;

import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.EntryType;
import dev.strata.scanner.layer.LayerEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

import static dev.strata.index.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrataIndexTest {
    @TempDir
    Path dataDir;

    StrataIndex index;

    @BeforeEach
    void open() throws IOException {
        index = StrataIndex.open(dataDir);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void addLayerRoundTripsEntriesInOrderWithAllFields() {
        Digest diffId = digest("layer-a");
        List<LayerEntry> entries = sampleEntries("a");
        IndexedLayer layer = layerOf(diffId, entries);

        assertThat(index.hasLayer(diffId)).isFalse();
        index.addLayer(layer, entries);

        assertThat(index.hasLayer(diffId)).isTrue();
        assertThat(index.layerEntries(diffId)).containsExactlyElementsOf(entries);
        assertThat(index.layer(diffId)).contains(layer);
        assertThat(layer.fileCount()).isEqualTo(5);
        assertThat(layer.fileBytes()).isEqualTo(1234 + 99_000 + "osa".length() + "xa".length() + 3);
        assertThat(index.layerEntries(digest("absent"))).isEmpty();
        assertThat(index.layer(digest("absent"))).isEmpty();
    }

    @Test
    void addingAnAlreadyIndexedLayerIsANoOp() {
        Digest diffId = digest("layer-a");
        List<LayerEntry> entries = sampleEntries("a");
        index.addLayer(layerOf(diffId, entries), entries);
        index.addLayer(new IndexedLayer(diffId, 1, 1, 1, 1, 99), List.of(dir("/other")));

        assertThat(index.layerEntries(diffId)).containsExactlyElementsOf(entries);
        assertThat(index.layer(diffId).orElseThrow().indexedAtMillis()).isEqualTo(1_000L);
    }

    @Test
    void emptyLayerAndRepeatedPathsKeepTarOrder() {
        Digest empty = digest("empty");
        index.addLayer(layerOf(empty, List.of()), List.of());
        assertThat(index.hasLayer(empty)).isTrue();
        assertThat(index.layerEntries(empty)).isEmpty();
        assertThat(index.layer(empty).orElseThrow().entryCount()).isZero();

        Digest repeated = digest("repeated");
        List<LayerEntry> entries = List.of(file("/z", "first"), dir("/a"), file("/z", "second"),
                new LayerEntry("/z", EntryType.WHITEOUT, 0, 0, 0, 0, 0, null, null));
        index.addLayer(layerOf(repeated, entries), entries);
        assertThat(index.layerEntries(repeated)).containsExactlyElementsOf(entries);
        assertThat(index.filesByPath("/z", 0, 10)).extracting(FileHit::entry)
                .containsExactly(entries.get(0), entries.get(2), entries.get(3));
    }

    @Test
    void entryCountMustMatchEntries() {
        assertThatThrownBy(() -> index.addLayer(new IndexedLayer(digest("l"), 0, 5, 0, 0, 0), List.of(dir("/x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("claims 5 entries");
    }

    @Test
    void fileQueriesByPathPrefixAndHash() {
        Digest a = digest("layer-a");
        Digest b = digest("layer-b");
        List<LayerEntry> entriesA = sampleEntries("a");
        List<LayerEntry> entriesB = List.of(dir("/usr/lib"), file("/usr/lib/python3/os.py", "osa"),
                file("/usr/lib/python3/re.py", "re"), file("/usr/lib", "not really"));
        index.addLayer(layerOf(a, entriesA), entriesA);
        index.addLayer(layerOf(b, entriesB), entriesB);

        assertThat(index.filesByPath("/usr/lib/python3/os.py", 0, 10))
                .extracting(FileHit::diffId).containsExactlyInAnyOrder(a, b);
        assertThat(index.filesByPath("/usr/bin/vi", 0, 10)).singleElement()
                .satisfies(hit -> {
                    assertThat(hit.diffId()).isEqualTo(a);
                    assertThat(hit.entry().type()).isEqualTo(EntryType.SYMLINK);
                    assertThat(hit.entry().linkTarget()).isEqualTo("../../bin/busybox");
                });

        // string-prefix semantics: the trailing slash excludes /usr/lib2 and /usr/lib itself
        assertThat(index.filesByPathPrefix("/usr/lib/", 0, 100)).extracting(h -> h.entry().path())
                .containsExactly("/usr/lib/python3/os.py", "/usr/lib/python3/os.py", "/usr/lib/python3/re.py");
        assertThat(index.filesByPathPrefix("/usr/lib", 0, 100)).extracting(h -> h.entry().path())
                .contains("/usr/lib", "/usr/lib2/x.so");

        // paging is stable: ordered by path, then layer, then tar position
        List<FileHit> all = index.filesByPathPrefix("/", 0, 1000);
        assertThat(all).hasSize(entriesA.size() + entriesB.size());
        assertThat(index.filesByPathPrefix("/", 3, 4)).containsExactlyElementsOf(all.subList(3, 7));
        assertThat(index.filesByPathPrefix("/", all.size(), 4)).isEmpty();
        assertThat(index.filesByPathPrefix("/", 0, 0)).isEmpty();

        assertThat(index.filesBySha256(digest("osa"), 0, 10)).extracting(FileHit::diffId)
                .containsExactlyInAnyOrder(a, b);
        assertThat(index.filesBySha256(digest("re"), 0, 10)).singleElement()
                .satisfies(hit -> assertThat(hit.entry()).isEqualTo(entriesB.get(2)));
        assertThat(index.filesBySha256(digest("nothing"), 0, 10)).isEmpty();
    }

    @Test
    void imagesSharingALayer() {
        Digest base = digest("base");
        Digest appA = digest("app-a");
        Digest appB = digest("app-b");
        List<LayerEntry> baseEntries = sampleEntries("base");
        List<LayerEntry> aEntries = List.of(file("/app/a.jar", "a-jar"), file("/etc/passwd", "shared-hash"));
        List<LayerEntry> bEntries = List.of(file("/app/b.jar", "b-jar"));
        index.addLayer(layerOf(base, baseEntries), baseEntries);
        index.addLayer(layerOf(appA, aEntries), aEntries);
        index.addLayer(layerOf(appB, bEntries), bEntries);
        IndexedImage imageA = image("a", 100, List.of("registry.example/app:a"), base, appA);
        IndexedImage imageB = image("b", 200, List.of("registry.example/app:b"), base, appB);
        index.putImage(imageA);
        index.putImage(imageB);

        assertThat(index.image(imageA.manifestDigest())).contains(imageA);
        assertThat(index.images()).containsExactly(imageA, imageB);
        assertThat(index.imagesWithLayer(base)).containsExactly(imageA, imageB);
        assertThat(index.imagesWithLayer(appB)).containsExactly(imageB);
        assertThat(index.imagesWithFileSha256(digest("passwdbase"))).containsExactly(imageA, imageB);
        assertThat(index.imagesWithFileSha256(digest("a-jar"))).containsExactly(imageA);
        assertThat(index.imagesWithFileSha256(digest("nope"))).isEmpty();

        RemovedImage removed = index.removeImage(imageA.manifestDigest());

        assertThat(removed.image()).isEqualTo(imageA);
        assertThat(removed.removedLayers()).extracting(IndexedLayer::diffId).containsExactly(appA);
        assertThat(removed.keptSharedLayers()).containsExactly(base);
        assertThat(index.image(imageA.manifestDigest())).isEmpty();
        assertThat(index.hasLayer(appA)).isFalse();
        assertThat(index.layerEntries(appA)).isEmpty();
        assertThat(index.filesBySha256(digest("a-jar"), 0, 10)).isEmpty();
        assertThat(index.hasLayer(base)).isTrue();
        assertThat(index.layerEntries(base)).containsExactlyElementsOf(baseEntries);
        assertThat(index.imagesWithLayer(base)).containsExactly(imageB);

        RemovedImage last = index.removeImage(imageB.manifestDigest());
        assertThat(last.removedLayers()).extracting(IndexedLayer::diffId).containsExactlyInAnyOrder(base, appB);
        assertThat(index.images()).isEmpty();
        assertThat(index.filesByPathPrefix("/", 0, 10)).isEmpty();
        assertThatThrownBy(() -> index.removeImage(imageB.manifestDigest()))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void putImageReplacesByManifestDigestAndRequiresItsLayers() {
        Digest l = digest("l");
        index.addLayer(layerOf(l, List.of(dir("/"))), List.of(dir("/")));
        IndexedImage first = image("x", 1, List.of("x:1"), l);
        IndexedImage second = new IndexedImage(first.manifestDigest(), first.configDigest(), "x:2",
                List.of("x:2", "x:latest"), null, List.of(l), 2, null);
        index.putImage(first);
        index.putImage(second);
        assertThat(index.images()).containsExactly(second);

        IndexedImage dangling = image("y", 3, List.of(), digest("never-added"));
        assertThatThrownBy(() -> index.putImage(dangling)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not indexed");
    }

    @Test
    void findImageByDigestPrefixAndTag() {
        Digest l = digest("l");
        index.addLayer(layerOf(l, List.of(dir("/"))), List.of(dir("/"))); 
        // find two manifests sharing a 4-char hex prefix, and one that does not
        IndexedImage p = null;
        IndexedImage q = null;
        for (int i = 0; p == null || q == null; i++) {
            IndexedImage candidate = image("img" + i, i, List.of("repo/img:" + i), l);
            if (p == null) {
                p = candidate;
            } else if (candidate.manifestDigest().hex().startsWith(p.manifestDigest().hex().substring(0, 4))
                    && !candidate.configDigest().hex().startsWith(p.manifestDigest().hex().substring(0, 4))) {
                q = candidate;
            }
        }
        index.putImage(p);
        index.putImage(q);
        String shared = p.manifestDigest().hex().substring(0, 4);
        String uniqueP = uniquePrefix(p.manifestDigest().hex(), q.manifestDigest().hex());

        assertThat(index.findImage(p.manifestDigest().toString())).contains(p);
        assertThat(index.findImage(p.configDigest().toString())).contains(p);
        assertThat(index.findImage(uniqueP)).contains(p);
        assertThat(index.findImage("sha256:" + uniqueP)).contains(p);
        assertThat(index.findImage(q.configDigest().shortHex())).contains(q);
        assertThat(index.findImage("repo/img:" + q.indexedAtMillis())).contains(q);
        assertThat(index.findImage("repo/img:missing")).isEmpty();
        assertThat(index.findImage(digest("unknown").toString())).isEmpty();
        assertThat(index.findImage(shared.substring(0, 3))).isEmpty(); // below 4 chars is not an id prefix
        final IndexedImage pp = p;
        final IndexedImage qq = q;
        assertThatThrownBy(() -> index.findImage(shared)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ambiguous")
                .hasMessageContaining(pp.manifestDigest().toString())
                .hasMessageContaining(qq.manifestDigest().toString());
    }

    private static String uniquePrefix(String a, String b) {
        int i = 0;
        while (a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, Math.max(4, i + 1));
    }

    @Test
    void tagResolvesToNewestIndexedImage() {
        Digest l = digest("l");
        index.addLayer(layerOf(l, List.of(dir("/"))), List.of(dir("/")));
        IndexedImage old = image("old", 10, List.of("app:latest"), l);
        IndexedImage fresh = image("new", 20, List.of("app:latest"), l);
        index.putImage(fresh);
        index.putImage(old);
        assertThat(index.findImage("app:latest")).contains(fresh);
    }
}
