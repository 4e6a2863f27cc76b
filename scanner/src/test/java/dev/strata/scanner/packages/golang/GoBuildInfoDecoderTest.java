package dev.strata.scanner.packages.golang;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class GoBuildInfoDecoderTest {

    private static long uvarint(String hex) {
        return GoBuildInfoDecoder.uvarint(HexFormat.of().parseHex(hex), new int[] {0});
    }

    @Test
    void varints() {
        assertThat(uvarint("00")).isZero();
        assertThat(uvarint("7f")).isEqualTo(127);
        assertThat(uvarint("8001")).isEqualTo(128);
        assertThat(uvarint("ac02")).isEqualTo(300);
        assertThat(uvarint("ffffffffffffffff7f")).isEqualTo(Long.MAX_VALUE);
        assertThat(uvarint("80")).isEqualTo(-1); // truncated
        assertThat(uvarint("")).isEqualTo(-1);
        assertThat(uvarint("ffffffffffffffffff02")).isEqualTo(-1); // overflows 64 bits
        assertThat(uvarint("ffffffffffffffffffff01")).isEqualTo(-1); // 11 bytes
        int[] pos = {1};
        assertThat(GoBuildInfoDecoder.uvarint(HexFormat.of().parseHex("00ac0205"), pos)).isEqualTo(300);
        assertThat(pos[0]).isEqualTo(3);
    }

    @Test
    void sentinelsAreRemovedOnlyWhenPresent() {
        String wrapped = new String(GoBlobs.START_SENTINEL, StandardCharsets.ISO_8859_1) + "path\tx\n"
                + new String(GoBlobs.END_SENTINEL, StandardCharsets.ISO_8859_1);
        assertThat(GoModInfoParser.unwrap(wrapped)).isEqualTo("path\tx\n");
        assertThat(GoModInfoParser.unwrap("path\tx\n")).isEqualTo("path\tx\n");
        assertThat(GoModInfoParser.unwrap("")).isEmpty();
    }

    @Test
    void fullModinfoWithReplacements() {
        String modinfo = String.join("\n",
                "path\tgithub.com/acme/tool/cmd/tool",
                "mod\tgithub.com/acme/tool\tv1.4.0\th1:main=",
                "dep\tgithub.com/pkg/errors\tv0.9.1\th1:errs=",
                "dep\tgolang.org/x/net\tv0.0.0-20220722155237-a158d28d115b",
                "=>\tgithub.com/acme/net\tv0.17.0\th1:fork=",
                "dep\tgithub.com/acme/local\tv0.0.0",
                "=>\t../local\t",
                "",
                "build\t-buildmode=exe",
                "build\tvcs.revision=abc123",
                "weird line without meaning",
                "");
        var d = (GoBuildInfoDecoding.Decoded) GoBuildInfoDecoder.decode(GoBlobs.inline("go1.21.5", modinfo));
        GoBuildInfo info = d.info();
        assertThat(info.goVersion()).isEqualTo("go1.21.5");
        assertThat(info.mainPath()).isEqualTo("github.com/acme/tool/cmd/tool");
        assertThat(info.mainModule()).isEqualTo(new GoModule("github.com/acme/tool", "v1.4.0", "h1:main=", null));
        assertThat(info.deps()).containsExactly(
                new GoModule("github.com/pkg/errors", "v0.9.1", "h1:errs=", null),
                new GoModule("golang.org/x/net", "v0.0.0-20220722155237-a158d28d115b", "",
                        new GoModule("github.com/acme/net", "v0.17.0", "h1:fork=", null)),
                new GoModule("github.com/acme/local", "v0.0.0", "", new GoModule("../local", "", "", null)));
        assertThat(info.settings()).containsExactly(
                java.util.Map.entry("-buildmode", "exe"), java.util.Map.entry("vcs.revision", "abc123"));
        assertThat(info.deps().get(2).replacement().isLocalDirectory()).isTrue();
    }

    @Test
    void mainModuleReplacement() {
        GoBuildInfo info = GoModInfoParser.parse("go1.20", "path\tm\nmod\tm\t(devel)\t\n=>\tm2\tv2.0.0\t\n");
        assertThat(info.mainModule().replacement()).isEqualTo(new GoModule("m2", "v2.0.0", "", null));
        assertThat(info.deps()).isEmpty();
    }

    @Test
    void emptyModinfo() {
        var d = (GoBuildInfoDecoding.Decoded) GoBuildInfoDecoder.decode(
                GoBlobs.inlineRaw("go1.18".getBytes(StandardCharsets.UTF_8), new byte[0]));
        assertThat(d.info().mainModule()).isNull();
        assertThat(d.info().deps()).isEmpty();
    }

    @Test
    void badBlobs() {
        byte[] good = GoBlobs.inline("go1.21.5", "path\tm\n");
        assertThat(GoBuildInfoDecoder.decode(Arrays.copyOf(good, 32)))
                .isEqualTo(new GoBuildInfoDecoding.Unreadable("truncated Go build info (toolchain version)"));
        assertThat(GoBuildInfoDecoder.decode(Arrays.copyOf(good, 32 + 1 + 8 + 1 + 5)))
                .isEqualTo(new GoBuildInfoDecoding.Unreadable("truncated Go build info (module information)"));
        assertThat(GoBuildInfoDecoder.decode(GoBlobs.header(4, 0x1)))
                .isEqualTo(new GoBuildInfoDecoding.Unreadable(GoBuildInfoDecoder.OLD_FORMAT));
        assertThat(GoBuildInfoDecoder.decode(GoBlobs.header(3, 0x2)))
                .isEqualTo(new GoBuildInfoDecoding.Unreadable("no Go build-info header"));
        assertThat(GoBuildInfoDecoder.decode(GoBlobs.inline("\u0001garbage", "")))
                .isInstanceOf(GoBuildInfoDecoding.Unreadable.class);
        byte[] hugeLength = Arrays.copyOf(GoBlobs.header(8, 0x2), 42);
        System.arraycopy(HexFormat.of().parseHex("ffffffffffffffff7f"), 0, hugeLength, 32, 9);
        assertThat(GoBuildInfoDecoder.decode(hugeLength))
                .isEqualTo(new GoBuildInfoDecoding.Unreadable("truncated Go build info (toolchain version)"));
    }

    @Test
    void pointerSize4InlineIsRead() {
        byte[] blob = GoBlobs.inline("go1.20.1", "dep\ta.b/c\tv1.0.0\t\n");
        blob[14] = 4;
        var d = (GoBuildInfoDecoding.Decoded) GoBuildInfoDecoder.decode(blob);
        assertThat(d.info().deps()).containsExactly(new GoModule("a.b/c", "v1.0.0", "", null));
    }
}
