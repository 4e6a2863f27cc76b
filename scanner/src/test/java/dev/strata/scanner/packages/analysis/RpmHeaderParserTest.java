package dev.strata.scanner.packages.analysis;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RpmHeaderParserTest {

    /** Builds header blobs: index entries and a data store, as the rpm file format lays them out. */
    private static final class Blob {
        private final List<int[]> index = new ArrayList<>();
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();

        Blob strings(int tag, int type, String... values) {
            index.add(new int[] {tag, type, data.size(), values.length});
            for (String v : values) {
                data.writeBytes(v.getBytes(StandardCharsets.UTF_8));
                data.write(0);
            }
            return this;
        }

        Blob string(int tag, String value) {
            return strings(tag, RpmHeaderParser.TYPE_STRING, value);
        }

        Blob ints(int tag, int... values) {
            while (data.size() % 4 != 0) {
                data.write(0);
            }
            index.add(new int[] {tag, RpmHeaderParser.TYPE_INT32, data.size(), values.length});
            for (int v : values) {
                data.writeBytes(ByteBuffer.allocate(4).putInt(v).array());
            }
            return this;
        }

        byte[] build() {
            ByteBuffer b = ByteBuffer.allocate(8 + 16 * index.size() + data.size());
            b.putInt(index.size()).putInt(data.size());
            index.forEach(e -> Arrays.stream(e).forEach(b::putInt));
            b.put(data.toByteArray());
            return b.array();
        }
    }

    private static Blob base() {
        return new Blob().string(RpmHeaderParser.NAME, "openssl-libs").string(RpmHeaderParser.VERSION, "3.0.7")
                .string(RpmHeaderParser.RELEASE, "25.el9_3").string(RpmHeaderParser.ARCH, "x86_64");
    }

    private final RpmHeaderParser parser = new RpmHeaderParser();

    @Test
    void readsIdentityAndFileList() {
        byte[] blob = base().ints(RpmHeaderParser.EPOCH, 1)
                .string(RpmHeaderParser.SOURCERPM, "openssl-3.0.7-25.el9_3.src.rpm")
                .strings(RpmHeaderParser.LICENSE, RpmHeaderParser.TYPE_I18NSTRING, "ASL 2.0")
                .strings(RpmHeaderParser.BASENAMES, RpmHeaderParser.TYPE_STRING_ARRAY, "libssl.so.3", "openssl.cnf",
                        "libcrypto.so.3")
                .strings(RpmHeaderParser.DIRNAMES, RpmHeaderParser.TYPE_STRING_ARRAY, "/usr/lib64/", "/etc/pki/tls/")
                .ints(RpmHeaderParser.DIRINDEXES, 0, 1, 0)
                .build();

        RpmHeader h = parser.parse(blob);

        assertThat(h.fullVersion()).isEqualTo("1:3.0.7-25.el9_3");
        assertThat(h.files()).containsExactly("/usr/lib64/libssl.so.3", "/etc/pki/tls/openssl.cnf",
                "/usr/lib64/libcrypto.so.3");
        var pkg = h.toDetectedPackage("/var/lib/rpm/rpmdb.sqlite");
        assertThat(pkg.sourceName()).isEqualTo("openssl");
        assertThat(pkg.sourceVersion()).isEqualTo("1:3.0.7-25.el9_3");
        assertThat(pkg.licenses()).containsExactly("ASL 2.0");
        assertThat(pkg.purl()).isEqualTo("pkg:rpm/openssl-libs@3.0.7-25.el9_3?arch=x86_64&epoch=1");
    }

    @Test
    void oldFileNamesAreUsedWithoutBaseNames() {
        byte[] blob = base().strings(RpmHeaderParser.OLDFILENAMES, RpmHeaderParser.TYPE_STRING_ARRAY, "/bin/sh")
                .build();
        assertThat(parser.parse(blob).files()).containsExactly("/bin/sh");
        assertThat(parser.parse(blob).epoch()).isNull();
    }

    @Test
    void rejectsTruncatedAndInconsistentHeaders() {
        byte[] good = base().build();
        assertThatThrownBy(() -> parser.parse(Arrays.copyOf(good, good.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> parser.parse(new byte[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parser.parse(new Blob().string(RpmHeaderParser.NAME, "x").build()))
                .hasMessageContaining("without NAME, VERSION or RELEASE");
        byte[] badIndex = base()
                .strings(RpmHeaderParser.BASENAMES, RpmHeaderParser.TYPE_STRING_ARRAY, "a")
                .strings(RpmHeaderParser.DIRNAMES, RpmHeaderParser.TYPE_STRING_ARRAY, "/")
                .ints(RpmHeaderParser.DIRINDEXES, 5).build();
        assertThatThrownBy(() -> parser.parse(badIndex)).hasMessageContaining("outside DIRNAMES");
        byte[] unterminated = base().build();
        unterminated[unterminated.length - 1] = 'x';
        assertThatThrownBy(() -> parser.parse(unterminated)).hasMessageContaining("not terminated");
        byte[] huge = ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).putInt(1).array();
        assertThatThrownBy(() -> parser.parse(huge)).hasMessageContaining("implausible");
    }
}
