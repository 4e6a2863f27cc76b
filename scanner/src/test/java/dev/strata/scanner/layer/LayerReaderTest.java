package dev.strata.scanner.layer;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.ImageFormatException;
import dev.strata.scanner.image.MediaTypes;
import dev.strata.scanner.testing.TarBuilder;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayerReaderTest {
    private final LayerReader reader = newReader(LayerLimits.defaults(), null);

    /** The reader under test; {@link LayerReaderExternalGzipTest} runs every case through igzip instead. */
    LayerReader newReader(LayerLimits limits, ExecutorService producers) {
        return new LayerReader(limits, producers);
    }

    // ---- helpers ----

    private static Descriptor descriptor(String mediaType, byte[] blob) {
        return new Descriptor(mediaType, Digest.sha256Of(blob), blob.length);
    }

    private LayerContents read(String mediaType, byte[] tar, byte[] blob) throws IOException {
        return reader.read(descriptor(mediaType, blob), Digest.sha256Of(tar), new ByteArrayInputStream(blob));
    }

    private LayerContents readTar(byte[] tar) throws IOException {
        return read(MediaTypes.OCI_LAYER_TAR, tar, tar);
    }

    private static Map<String, LayerEntry> byPath(LayerContents contents) {
        Map<String, LayerEntry> map = new HashMap<>();
        for (LayerEntry e : contents.entries()) {
            map.put(e.type().isWhiteout() ? e.type() + ":" + e.path() : e.path(), e);
        }
        return map;
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Returns at most 1000 bytes per read and reports nothing available, like a slow socket. */
    private static Trickle trickle(byte[] data) {
        return new Trickle(data);
    }

    private static final class Trickle extends InputStream {
            private final byte[] data;
            int pos;

            Trickle(byte[] data) {
                this.data = data;
            }

            @Override
            public int read() {
                return pos < data.length ? data[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= data.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, 1000), data.length - pos);
                System.arraycopy(data, pos, b, off, n);
                pos += n;
                return n;
            }

            @Override
            public int available() {
                return 0;
            }
    }

    private static byte[] sampleTar() {
        return new TarBuilder()
                .dir("./")
                .dir("./etc")
                .file("./etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
                .file("./usr/bin/tool", randomBytes(300_000, 1), 0755, 1000, 1001)
                .file("./empty", new byte[0])
                .build();
    }

    private static void assertSample(LayerContents c, byte[] tar) {
        Map<String, LayerEntry> e = byPath(c);
        assertThat(e.keySet()).containsExactlyInAnyOrder("/", "/etc", "/etc/os-release", "/usr/bin/tool", "/empty");
        assertThat(c.entries()).extracting(LayerEntry::path)
                .containsExactly("/", "/etc", "/etc/os-release", "/usr/bin/tool", "/empty");
        LayerEntry tool = e.get("/usr/bin/tool");
        assertThat(tool.type()).isEqualTo(EntryType.FILE);
        assertThat(tool.size()).isEqualTo(300_000);
        assertThat(tool.sha256()).isEqualTo(Digest.sha256Of(randomBytes(300_000, 1)));
        assertThat(tool.mode() & 07777).isEqualTo(0755);
        assertThat(tool.uid()).isEqualTo(1000);
        assertThat(tool.gid()).isEqualTo(1001);
        assertThat(tool.modifiedEpochSeconds()).isEqualTo(1_700_000_000L);
        assertThat(e.get("/etc/os-release").sha256())
                .isEqualTo(Digest.sha256Of("ID=debian\nVERSION_ID=\"12\"\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(e.get("/empty").sha256()).isEqualTo(Digest.sha256Of(new byte[0]));
        assertThat(e.get("/etc").type()).isEqualTo(EntryType.DIRECTORY);
        assertThat(c.diffId()).isEqualTo(Digest.sha256Of(tar));
        assertThat(c.uncompressedSize()).isEqualTo(tar.length);
        assertThat(c.fileCount()).isEqualTo(3);
    }

    // ---- compressions ----

    @Test
    void readsPlainTar() throws IOException {
        byte[] tar = sampleTar();
        LayerContents c = readTar(tar);
        assertSample(c, tar);
        assertThat(c.compression()).isEqualTo(Compression.NONE);
        assertThat(c.digest()).isEqualTo(Digest.sha256Of(tar));
        assertThat(c.size()).isEqualTo(tar.length);
    }

    @Test
    void readsGzip() throws IOException {
        byte[] tar = sampleTar();
        byte[] gz = TarBuilder.gzip(tar);
        LayerContents c = read(MediaTypes.OCI_LAYER_GZIP, tar, gz);
        assertSample(c, tar);
        assertThat(c.compression()).isEqualTo(Compression.GZIP);
        assertThat(c.digest()).isEqualTo(Digest.sha256Of(gz));
        assertThat(c.size()).isEqualTo(gz.length);
    }

    @Test
    void readsDockerGzip() throws IOException {
        byte[] tar = sampleTar();
        assertSample(read(MediaTypes.DOCKER_LAYER_GZIP, tar, TarBuilder.gzip(tar)), tar);
    }

    @Test
    void readsZstd() throws IOException {
        byte[] tar = sampleTar();
        byte[] zst = TarBuilder.zstd(tar);
        LayerContents c = read(MediaTypes.OCI_LAYER_ZSTD, tar, zst);
        assertSample(c, tar);
        assertThat(c.compression()).isEqualTo(Compression.ZSTD);
        assertThat(c.digest()).isEqualTo(Digest.sha256Of(zst));
    }

    @Test
    void readsMultiFrameZstd() throws IOException {
        byte[] tar = sampleTar();
        int cut = 100_000;
        byte[] zst = concat(TarBuilder.zstd(Arrays.copyOfRange(tar, 0, cut)),
                TarBuilder.zstd(Arrays.copyOfRange(tar, cut, tar.length)));
        assertSample(read(MediaTypes.OCI_LAYER_ZSTD, tar, zst), tar);
    }

    @Test
    void readsMultiMemberGzipEvenFromASlowStream() throws IOException {
        byte[] tar = sampleTar();
        byte[] gz = concat(TarBuilder.gzip(Arrays.copyOfRange(tar, 0, 1000)),
                TarBuilder.gzip(Arrays.copyOfRange(tar, 1000, 150_000)),
                TarBuilder.gzip(Arrays.copyOfRange(tar, 150_000, tar.length)));
        assertSample(read(MediaTypes.OCI_LAYER_GZIP, tar, gz), tar);
        LayerContents slow = reader.read(descriptor(MediaTypes.OCI_LAYER_GZIP, gz), Digest.sha256Of(tar), trickle(gz));
        assertSample(slow, tar);
        assertThat(slow.size()).isEqualTo(gz.length);
    }

    @Test
    void dockerLayerTarThatIsReallyGzipUsesTheMagicAndSkipsTheBlobDigest() throws IOException {
        byte[] tar = sampleTar();
        byte[] gz = TarBuilder.gzip(tar);
        // a docker-archive synthesised descriptor: its "digest" is the diffID
        Descriptor legacy = new Descriptor(MediaTypes.DOCKER_LAYER_TAR, Digest.sha256Of(tar), gz.length);
        LayerContents c = reader.read(legacy, Digest.sha256Of(tar), new ByteArrayInputStream(gz));
        assertSample(c, tar);
        assertThat(c.compression()).isEqualTo(Compression.GZIP);
        assertThat(c.digest()).isEqualTo(Digest.sha256Of(gz));
        // but the diffID is still checked
        assertThatThrownBy(() -> reader.read(legacy, Digest.sha256Of(gz), new ByteArrayInputStream(gz)))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("diffID mismatch");
    }

    @Test
    void ociTarThatIsReallyZstdIsReadButItsDigestStillChecked() throws IOException {
        byte[] tar = sampleTar();
        byte[] zst = TarBuilder.zstd(tar);
        assertSample(read(MediaTypes.OCI_LAYER_TAR, tar, zst), tar);
        Descriptor wrong = new Descriptor(MediaTypes.OCI_LAYER_TAR, Digest.sha256Of(tar), zst.length);
        assertThatThrownBy(() -> reader.read(wrong, Digest.sha256Of(tar), new ByteArrayInputStream(zst)))
                .hasMessageContaining("digest mismatch");
    }

    @Test
    void sha512BlobDigest() throws Exception {
        byte[] tar = sampleTar();
        byte[] gz = TarBuilder.gzip(tar);
        Digest sha512 = new Digest("sha512", java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-512").digest(gz)));
        LayerContents c = reader.read(new Descriptor(MediaTypes.OCI_LAYER_GZIP, sha512, gz.length),
                Digest.sha256Of(tar), new ByteArrayInputStream(gz));
        assertThat(c.digest()).isEqualTo(sha512);
        assertThat(c.diffId()).isEqualTo(Digest.sha256Of(tar));
        Digest tarSha512 = new Digest("sha512", java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-512").digest(tar)));
        LayerContents plain = reader.read(new Descriptor(MediaTypes.OCI_LAYER_TAR, tarSha512, tar.length),
                Digest.sha256Of(tar), new ByteArrayInputStream(tar));
        assertThat(plain.digest()).isEqualTo(tarSha512);
        assertThat(plain.diffId()).isEqualTo(Digest.sha256Of(tar));
    }

    @Test
    void unknownSizeIsNotChecked() throws IOException {
        byte[] tar = sampleTar();
        Descriptor d = new Descriptor(MediaTypes.OCI_LAYER_TAR, Digest.sha256Of(tar), -1);
        assertSample(reader.read(d, Digest.sha256Of(tar), new ByteArrayInputStream(tar)), tar);
    }

    @Test
    void emptyTarAndRunsOnAnExecutor() throws IOException {
        byte[] tar = new TarBuilder().build();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            LayerReader pooled = newReader(LayerLimits.defaults(), pool);
            byte[] gz = TarBuilder.gzip(tar);
            LayerContents c = pooled.read(descriptor(MediaTypes.OCI_LAYER_GZIP, gz), Digest.sha256Of(tar),
                    new ByteArrayInputStream(gz));
            assertThat(c.entries()).isEmpty();
            assertThat(c.uncompressedSize()).isEqualTo(tar.length);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- entry kinds ----

    @Test
    void longNamesPaxAndGnu() throws IOException {
        String longName = "usr/share/" + "d".repeat(120) + "/" + "f".repeat(150) + ".txt";
        for (TarBuilder b : List.of(new TarBuilder(), new TarBuilder().gnuLongNames())) {
            byte[] tar = b.file(longName, "long").symlink("usr/link-" + "l".repeat(110), "/" + longName).build();
            Map<String, LayerEntry> e = byPath(readTar(tar));
            assertThat(e.get("/" + longName).sha256()).isEqualTo(Digest.sha256Of("long".getBytes(StandardCharsets.UTF_8)));
            assertThat(e.get("/usr/link-" + "l".repeat(110)).linkTarget()).isEqualTo("/" + longName);
        }
    }

    @Test
    void linksDevicesFifosAndWhiteouts() throws IOException {
        TarArchiveEntry block = new TarArchiveEntry("dev/sda", TarConstants.LF_BLK);
        block.setDevMajor(8);
        block.setMode(060660);
        byte[] tar = new TarBuilder()
                .file("bin/busybox", "bb")
                .hardlink("bin/sh", "bin/busybox")
                .hardlink("bin/ls", "./bin/sh")
                .symlink("bin/ash", "busybox")
                .symlink("lib", "usr/lib")
                .charDevice("dev/null", 1, 3)
                .add(block, new byte[0])
                .fifo("run/fifo")
                .whiteout("etc/old.conf")
                .opaque("var/cache")
                .opaque("")
                .build();
        LayerContents c = readTar(tar);
        Map<String, LayerEntry> e = byPath(c);
        LayerEntry sh = e.get("/bin/sh");
        assertThat(sh.type()).isEqualTo(EntryType.HARDLINK);
        assertThat(sh.linkTarget()).isEqualTo("/bin/busybox");
        assertThat(sh.size()).isZero();
        assertThat(sh.sha256()).isNull();
        assertThat(e.get("/bin/ls").linkTarget()).isEqualTo("/bin/busybox"); // chains followed
        assertThat(e.get("/bin/ash").type()).isEqualTo(EntryType.SYMLINK);
        assertThat(e.get("/bin/ash").linkTarget()).isEqualTo("busybox");
        assertThat(e.get("/dev/null").type()).isEqualTo(EntryType.CHAR_DEVICE);
        assertThat(e.get("/dev/sda").type()).isEqualTo(EntryType.BLOCK_DEVICE);
        assertThat(e.get("/run/fifo").type()).isEqualTo(EntryType.FIFO);
        assertThat(e.get("WHITEOUT:/etc/old.conf").type()).isEqualTo(EntryType.WHITEOUT);
        assertThat(e.get("OPAQUE_WHITEOUT:/var/cache").type()).isEqualTo(EntryType.OPAQUE_WHITEOUT);
        assertThat(e.get("OPAQUE_WHITEOUT:/").type()).isEqualTo(EntryType.OPAQUE_WHITEOUT);
        assertThat(c.fileCount()).isEqualTo(1);
    }

    @Test
    void whiteoutAndAFileOfTheSamePathMayShareALayer() throws IOException {
        byte[] tar = new TarBuilder().whiteout("etc/x").file("etc/x", "new").build();
        assertThat(readTar(tar).entries()).extracting(LayerEntry::type)
                .containsExactly(EntryType.WHITEOUT, EntryType.FILE);
    }

    @Test
    void globalPaxHeaderIsNotAnEntry() throws IOException {
        // as git archive writes: a 'g' header first
        TarArchiveEntry global = new TarArchiveEntry("pax_global_header", TarConstants.LF_PAX_GLOBAL_EXTENDED_HEADER);
        global.addPaxHeader("comment", "abcdefgh");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (org.apache.commons.compress.archivers.tar.TarArchiveOutputStream out =
                     new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(bytes)) {
            out.putArchiveEntry(global);
            TarArchiveEntry a = new TarArchiveEntry("a");
            a.setSize(1);
            out.putArchiveEntry(a);
            out.write('a');
            out.closeArchiveEntry();
        }
        byte[] tar = bytes.toByteArray();
        assertThat(tar[156]).isEqualTo((byte) 'g');
        assertThat(readTar(tar).entries()).extracting(LayerEntry::path).containsExactly("/a");
    }

    @Test
    void aufsMetadataIsSkipped() throws IOException {
        byte[] tar = new TarBuilder().dir(".wh..wh.plnk").file(".wh..wh.aufs", "").file("a", "a").build();
        assertThat(readTar(tar).entries()).extracting(LayerEntry::path).containsExactly("/a");
    }

    @Test
    void normalisesPaths() throws IOException {
        byte[] tar = new TarBuilder()
                .dir("./usr/")
                .file("usr//./lib/x", "x")
                .file("./a/./b", "b")
                .build();
        assertThat(readTar(tar).entries()).extracting(LayerEntry::path).containsExactly("/usr", "/usr/lib/x", "/a/b");
    }

    @Test
    void repeatedDirectoryHeaderIsAllowedAndTheLaterWins() throws IOException {
        TarArchiveEntry again = new TarArchiveEntry("etc/");
        again.setMode(040700);
        byte[] tar = new TarBuilder().dir("etc").file("etc/a", "a").add(again, new byte[0]).build();
        LayerContents c = readTar(tar);
        assertThat(c.entries()).extracting(LayerEntry::path).containsExactly("/etc", "/etc/a");
        assertThat(c.entries().get(0).mode() & 07777).isEqualTo(0700);
    }

    @Test
    void symlinkChainsWithoutLoopsAreFine() throws IOException {
        byte[] tar = new TarBuilder()
                .symlink("a", "b").symlink("b", "c/../d").symlink("d", "/usr/lib")
                .symlink("usr/lib/self", ".")
                .symlink("x", "usr/lib/self/self/self/../e")
                .build();
        assertThat(readTar(tar).entries()).hasSize(5);
    }

    @Test
    void visitorSeesSelectedFilesWhileTheyAreHashed() throws IOException {
        String osRelease = "PRETTY_NAME=\"Debian GNU/Linux 12\"\nID=debian\n";
        byte[] big = randomBytes(1_000_000, 7);
        byte[] tar = new TarBuilder()
                .file("etc/os-release", osRelease)
                .file("usr/lib/big.bin", big)
                .file("etc/other", "other")
                .build();
        Map<String, String> seen = new HashMap<>();
        LayerFileVisitor visitor = new LayerFileVisitor() {
            @Override
            public boolean wants(String path, long size) {
                return path.equals("/etc/os-release") || path.equals("/usr/lib/big.bin");
            }

            @Override
            public void visit(String path, InputStream content) throws IOException {
                if (path.equals("/etc/os-release")) {
                    seen.put(path, new String(content.readAllBytes(), StandardCharsets.UTF_8));
                } else {
                    seen.put(path, "first byte " + content.read()); // reads a prefix only
                    content.close();
                }
            }
        };
        LayerContents c = reader.read(descriptor(MediaTypes.OCI_LAYER_TAR, tar), Digest.sha256Of(tar),
                new ByteArrayInputStream(tar), visitor);
        assertThat(seen).containsOnlyKeys("/etc/os-release", "/usr/lib/big.bin");
        assertThat(seen.get("/etc/os-release")).isEqualTo(osRelease);
        assertThat(seen.get("/usr/lib/big.bin")).isEqualTo("first byte " + (big[0] & 0xff));
        Map<String, LayerEntry> e = byPath(c);
        assertThat(e.get("/usr/lib/big.bin").sha256()).isEqualTo(Digest.sha256Of(big));
        assertThat(e.get("/etc/os-release").sha256())
                .isEqualTo(Digest.sha256Of(osRelease.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void visitorFailureFailsTheRead() {
        byte[] tar = new TarBuilder().file("etc/os-release", "x").build();
        LayerFileVisitor visitor = new LayerFileVisitor() {
            @Override
            public boolean wants(String path, long size) {
                return true;
            }

            @Override
            public void visit(String path, InputStream content) throws IOException {
                throw new IOException("visitor broke");
            }
        };
        assertThatThrownBy(() -> reader.read(descriptor(MediaTypes.OCI_LAYER_TAR, tar), Digest.sha256Of(tar),
                new ByteArrayInputStream(tar), visitor)).hasMessage("visitor broke");
    }

    // ---- bad input ----

    private void assertBad(byte[] tar, String... messageParts) {
        assertThatThrownBy(() -> readTar(tar)).isInstanceOf(ImageFormatException.class)
                .hasMessageContainingAll(messageParts).hasMessageContaining("layer sha256:");
    }

    @Test
    void truncatedGzip() {
        byte[] tar = sampleTar();
        byte[] gz = TarBuilder.gzip(tar);
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        assertThatThrownBy(() -> read(MediaTypes.OCI_LAYER_GZIP, tar, cut))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("layer " + Digest.sha256Of(cut) + ": unexpected end of gzip stream");
        byte[] noTrailer = Arrays.copyOf(gz, gz.length - 4);
        assertThatThrownBy(() -> read(MediaTypes.OCI_LAYER_GZIP, tar, noTrailer))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("unexpected end of gzip stream");
    }

    @Test
    void truncatedZstd() {
        byte[] tar = sampleTar();
        byte[] zst = TarBuilder.zstd(tar);
        byte[] cut = Arrays.copyOf(zst, zst.length / 2);
        assertThatThrownBy(() -> read(MediaTypes.OCI_LAYER_ZSTD, tar, cut))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("layer " + Digest.sha256Of(cut) + ": unexpected end of zstd stream");
    }

    @Test
    void corruptGzip() {
        byte[] tar = sampleTar();
        byte[] gz = TarBuilder.gzip(tar);
        for (int i = 30; i < 200; i++) {
            gz[i] ^= 0x5a;
        }
        assertThatThrownBy(() -> read(MediaTypes.OCI_LAYER_GZIP, tar, gz))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("gzip");
    }

    @Test
    void tarCutMidEntry() {
        byte[] tar = new TarBuilder().file("usr/bin/x", randomBytes(10_000, 3)).build();
        byte[] cut = Arrays.copyOf(tar, 512 + 5000);
        assertBad(cut, "tar entry 'usr/bin/x' is truncated");
        // the same cut inside gzip: the gzip stream itself is complete
        byte[] gz = TarBuilder.gzip(cut);
        assertThatThrownBy(() -> read(MediaTypes.OCI_LAYER_GZIP, cut, gz))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("tar entry 'usr/bin/x' is truncated");
    }

    @Test
    void tarCutInsideAHeader() {
        byte[] tar = new TarBuilder().file("a", "a").file("b", "b").build();
        byte[] cut = Arrays.copyOf(tar, 1024 + 100);
        assertBad(cut, "tar stream is truncated after entry 'a'");
    }

    @Test
    void wrongBlobDigest() {
        byte[] tar = sampleTar();
        byte[] gz = TarBuilder.gzip(tar);
        Digest claimed = Digest.sha256Of("something else".getBytes(StandardCharsets.UTF_8));
        Descriptor d = new Descriptor(MediaTypes.OCI_LAYER_GZIP, claimed, gz.length);
        assertThatThrownBy(() -> reader.read(d, Digest.sha256Of(tar), new ByteArrayInputStream(gz)))
                .isInstanceOf(ImageFormatException.class)
                .hasMessage("layer " + claimed + " digest mismatch: manifest says " + claimed
                        + ", content is " + Digest.sha256Of(gz));
    }

    @Test
    void wrongSize() {
        byte[] tar = sampleTar();
        Descriptor shorter = new Descriptor(MediaTypes.OCI_LAYER_TAR, Digest.sha256Of(tar), tar.length - 1);
        assertThatThrownBy(() -> reader.read(shorter, Digest.sha256Of(tar), new ByteArrayInputStream(tar)))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("size mismatch: manifest says "
                        + (tar.length - 1) + " bytes");
        Descriptor longer = new Descriptor(MediaTypes.OCI_LAYER_TAR, Digest.sha256Of(tar), tar.length + 1);
        assertThatThrownBy(() -> reader.read(longer, Digest.sha256Of(tar), new ByteArrayInputStream(tar)))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("size mismatch: manifest says "
                        + (tar.length + 1) + " bytes, content is " + tar.length + " bytes");
    }

    @Test
    void wrongDiffId() {
        byte[] tar = sampleTar();
        byte[] gz = TarBuilder.gzip(tar);
        Digest claimed = Digest.sha256Of(gz);
        assertThatThrownBy(() -> reader.read(descriptor(MediaTypes.OCI_LAYER_GZIP, gz), claimed,
                new ByteArrayInputStream(gz)))
                .isInstanceOf(ImageFormatException.class)
                .hasMessage("layer " + Digest.sha256Of(gz) + " diffID mismatch: config says " + claimed
                        + ", content is " + Digest.sha256Of(tar));
    }

    @Test
    void dotDotEntry() {
        assertBad(new TarBuilder().file("usr/../../etc/passwd", "x").build(),
                "tar entry 'usr/../../etc/passwd' contains a '..' component");
    }

    @Test
    void absoluteEntry() {
        TarArchiveEntry abs = new TarArchiveEntry("/etc/x", true);
        abs.setSize(1);
        assertBad(new TarBuilder().add(abs, new byte[]{1}).build(), "tar entry '/etc/x' has an absolute path");
    }

    @Test
    void duplicateEntry() {
        assertBad(new TarBuilder().file("etc/x", "1").file("./etc/x", "2").build(),
                "tar entry './etc/x' is a duplicate entry for /etc/x");
        assertBad(new TarBuilder().file("etc", "1").dir("etc").build(), "duplicate entry for /etc");
        assertBad(new TarBuilder().whiteout("etc/x").whiteout("etc/x").build(), "duplicate whiteout");
    }

    @Test
    void hardLinkToMissingTarget() {
        assertBad(new TarBuilder().hardlink("bin/sh", "bin/busybox").file("bin/busybox", "bb").build(),
                "tar entry 'bin/sh' is a hard link to missing 'bin/busybox'");
        assertBad(new TarBuilder().dir("d").hardlink("e", "d").build(), "hard link to directory 'd'");
        assertBad(new TarBuilder().hardlink("e", "../x").build(), "hard link to '../x'");
    }

    @Test
    void symlinkLoop() {
        assertBad(new TarBuilder().symlink("a", "b").symlink("b", "/a").build(), "symlink loop at '/");
        assertBad(new TarBuilder().symlink("usr/x", "x").build(), "symlink loop at '/usr/x'");
        assertBad(new TarBuilder().symlink("d", "d/sub").build(), "symlink loop at '/d'");
    }

    @Test
    void bareWhiteout() {
        assertBad(new TarBuilder().file("etc/.wh.", "").build(), "tar entry 'etc/.wh.' is an invalid whiteout");
    }

    @Test
    void gzipBombFailsWhileStreaming() {
        byte[] zeros = new byte[16 << 20];
        byte[] tar = new TarBuilder().file("zeros", zeros).build();
        byte[] gz = TarBuilder.gzip(tar);
        LayerReader strict = newReader(LayerLimits.defaults().withCompressionRatio(200, 1 << 20), null);
        Trickle raw = trickle(gz);
        assertThatThrownBy(() -> strict.read(descriptor(MediaTypes.OCI_LAYER_GZIP, gz), Digest.sha256Of(tar), raw))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("layer " + Digest.sha256Of(gz) + ": decompression bomb: ratio ")
                .hasMessageContaining(":1 exceeds limit 200:1");
        assertStoppedEarly(raw.pos, gz.length);
    }

    /** The JVM inflater reads 1000-byte slices as it needs them: about 1 MiB of 16 inflated, a fraction read. */
    void assertStoppedEarly(int compressedRead, int compressedLength) {
        assertThat(compressedRead).isLessThan(compressedLength / 4);
    }

    @Test
    void smallHighlyCompressibleLayerPasses() throws IOException {
        byte[] tar = new TarBuilder().file("zeros", new byte[4 << 20]).build();
        byte[] gz = TarBuilder.gzip(tar);
        assertThat(tar.length / gz.length).isGreaterThan(200);
        assertThat(read(MediaTypes.OCI_LAYER_GZIP, tar, gz).entries()).hasSize(1);
    }

    @Test
    void uncompressedSizeLimit() {
        byte[] tar = sampleTar();
        LayerReader strict = newReader(LayerLimits.defaults().withMaxUncompressedBytes(100_000), null);
        assertThatThrownBy(() -> strict.read(descriptor(MediaTypes.OCI_LAYER_TAR, tar), Digest.sha256Of(tar),
                new ByteArrayInputStream(tar)))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("exceeds the limit of 100000 bytes");
    }

    @Test
    void entryAndPathLimits() {
        byte[] tar = new TarBuilder().file("a", "").file("b", "").file("c", "").build();
        LayerReader fewEntries = newReader(LayerLimits.defaults().withMaxEntries(2), null);
        assertThatThrownBy(() -> fewEntries.read(descriptor(MediaTypes.OCI_LAYER_TAR, tar), Digest.sha256Of(tar),
                new ByteArrayInputStream(tar))).hasMessageContaining("more than 2 entries");
        byte[] longTar = new TarBuilder().file("x".repeat(200), "").build();
        LayerReader shortPaths = newReader(LayerLimits.defaults().withMaxPathLength(100), null);
        assertThatThrownBy(() -> shortPaths.read(descriptor(MediaTypes.OCI_LAYER_TAR, longTar),
                Digest.sha256Of(longTar), new ByteArrayInputStream(longTar)))
                .hasMessageContaining("longer than 100 characters");
    }

    @Test
    void declaredGzipButNotGzip() {
        byte[] tar = sampleTar();
        assertThatThrownBy(() -> read(MediaTypes.OCI_LAYER_GZIP, tar, tar))
                .isInstanceOf(ImageFormatException.class)
                .hasMessage("layer " + Digest.sha256Of(tar) + " is declared gzip but is not gzip-compressed");
        byte[] zst = TarBuilder.zstd(tar);
        assertThatThrownBy(() -> read(MediaTypes.OCI_LAYER_GZIP, tar, zst))
                .hasMessageContaining("is declared gzip but is not gzip-compressed");
        assertThatThrownBy(() -> read(MediaTypes.OCI_LAYER_ZSTD, tar, TarBuilder.gzip(tar)))
                .hasMessageContaining("is declared zstd but is not zstd-compressed");
    }

    @Test
    void unknownMediaType() {
        byte[] tar = sampleTar();
        assertThatThrownBy(() -> read("application/vnd.example.layer+lz4", tar, tar))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("unsupported media type 'application/vnd.example.layer+lz4'");
    }

    @Test
    void noProducerThreadOutlivesAFailedRead() throws Exception {
        byte[] tar = new TarBuilder().file("../evil", "x").file("big", randomBytes(4 << 20, 9)).build();
        byte[] gz = TarBuilder.gzip(tar);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> read(MediaTypes.OCI_LAYER_GZIP, tar, gz)).hasMessageContaining("'..'");
        }
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("strata-pipe-producer") && t.isAlive());
    }

    @Test
    void rawStreamFailureIsPassedThroughAsIs() {
        byte[] tar = sampleTar();
        byte[] gz = TarBuilder.gzip(tar);
        InputStream failing = new InputStream() {
            int pos;

            @Override
            public int read() throws IOException {
                if (pos >= 5000) {
                    throw new IOException("connection reset");
                }
                return gz[pos++] & 0xff;
            }
        };
        assertThatThrownBy(() -> reader.read(descriptor(MediaTypes.OCI_LAYER_GZIP, gz), Digest.sha256Of(tar), failing))
                .isNotInstanceOf(ImageFormatException.class).hasMessage("connection reset");
    }
}
