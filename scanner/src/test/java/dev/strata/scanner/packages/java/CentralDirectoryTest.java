package dev.strata.scanner.packages.java;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CentralDirectoryTest {

    /** A jar as java.util.zip writes it: DEFLATED entries with data descriptors, one STORED entry. */
    private static byte[] jar() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 100; i++) {
                zip.putNextEntry(new ZipEntry("a/b/C" + i + ".class"));
                zip.write(new byte[1000]);
            }
            byte[] inner = "inner jar bytes".getBytes(StandardCharsets.UTF_8);
            ZipEntry stored = new ZipEntry("lib/inner.jar");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(inner.length);
            CRC32 crc = new CRC32();
            crc.update(inner);
            stored.setCrc(crc.getValue());
            zip.putNextEntry(stored);
            zip.write(inner);
            zip.putNextEntry(new ZipEntry("META-INF/maven/g/a/pom.properties"));
            zip.write("groupId=g\nartifactId=a\nversion=1\n".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void keepsOnlyTheEntriesAskedForAndReadsStoredAndDeflatedOnes() throws IOException {
        CentralDirectory cd = CentralDirectory.read(jar(), n -> n.startsWith("META-INF/") || n.endsWith(".jar"));
        assertThat(cd.totalEntries()).isEqualTo(103);
        assertThat(cd.entries()).extracting(CentralDirectory.Entry::name)
                .containsExactly("META-INF/MANIFEST.MF", "lib/inner.jar", "META-INF/maven/g/a/pom.properties");
        CentralDirectory.Entry pom = cd.entries().get(2);
        assertThat(pom.method()).isEqualTo(8);
        assertThat(new String(cd.open(pom).readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("groupId=g\nartifactId=a\nversion=1\n");
        CentralDirectory.Entry inner = cd.entries().get(1);
        assertThat(inner.method()).isZero();
        assertThat(new String(cd.open(inner).readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("inner jar bytes");
    }

    @Test
    void irregularArchivesAreRefusedForTheStreamReader() throws IOException {
        byte[] jar = jar();
        assertThatThrownBy(() -> CentralDirectory.read(Arrays.copyOf(jar, jar.length - 10), n -> true))
                .isInstanceOf(ZipException.class).hasMessageContaining("no end of central directory");
        byte[] prefixed = new byte[jar.length + 5];
        System.arraycopy("#!sh\n".getBytes(StandardCharsets.US_ASCII), 0, prefixed, 0, 5);
        System.arraycopy(jar, 0, prefixed, 5, jar.length);
        assertThatThrownBy(() -> CentralDirectory.read(prefixed, n -> true))
                .isInstanceOf(ZipException.class).hasMessageContaining("data before the first entry");
        assertThatThrownBy(() -> CentralDirectory.read("not a zip".getBytes(StandardCharsets.US_ASCII), n -> true))
                .isInstanceOf(ZipException.class);
    }
}
