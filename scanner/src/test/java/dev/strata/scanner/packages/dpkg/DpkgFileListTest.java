package dev.strata.scanner.packages.dpkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.scanner.packages.TestResources;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DpkgFileListTest {

    private final DpkgFileList files = new DpkgFileList();

    @Test
    void realListFile() throws Exception {
        var paths = files.parseList(TestResources.open("debian-12/info/base-files.list"));
        // 88 lines in the real file, the first being "/."
        assertThat(paths).hasSize(87);
        assertThat(paths).startsWith("/bin", "/boot").contains("/etc/debian_version", "/usr/lib/os-release");
        assertThat(files.parseList(TestResources.open("debian-12/info/binutils-common_amd64.list"))).hasSize(241);
    }

    @Test
    void realMd5sumsFile() throws Exception {
        var r = files.parseMd5sums(TestResources.open("debian-12/info/base-files.md5sums"));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.items()).hasSize(28);
        assertThat(r.items().get(0)).isEqualTo(new FileDigest("/usr/lib/os-release", "07d31e7e63800ab1b7966980709c51eb"));
    }

    @Test
    void malformedMd5sumsLineIsNamed() throws Exception {
        var in = new ByteArrayInputStream("nothex  usr/bin/x\n07d31e7e63800ab1b7966980709c51eb  usr/bin/y\n"
                .getBytes(StandardCharsets.UTF_8));
        var r = files.parseMd5sums(in);
        assertThat(r.items()).extracting(FileDigest::path).containsExactly("/usr/bin/y");
        assertThat(r.warnings()).extracting(Object::toString)
                .containsExactly("line 1: expected '<md5>  <path>' but found: nothex  usr/bin/x");
    }

    @Test
    void infoFileNames() {
        assertThat(DpkgInfoFile.ofPath("var/lib/dpkg/info/libc6:amd64.list"))
                .contains(new DpkgInfoFile("libc6", "amd64", "list"));
        assertThat(DpkgInfoFile.ofPath("var/lib/dpkg/info/base-files.md5sums"))
                .contains(new DpkgInfoFile("base-files", null, "md5sums"));
        assertThat(DpkgInfoFile.ofPath("var/lib/dpkg/info/libstdc++6:amd64.list"))
                .contains(new DpkgInfoFile("libstdc++6", "amd64", "list"));
        assertThat(DpkgInfoFile.ofPath("var/lib/dpkg/info/noext")).isEmpty();
    }
}
