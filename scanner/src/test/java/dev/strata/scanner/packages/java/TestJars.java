package dev.strata.scanner.packages.java;

import dev.strata.scanner.packages.TestResources;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real jars from the test resources and a small builder of archives around them. */
final class TestJars {

    private TestJars() {
    }

    static byte[] real(String fileName) {
        try (InputStream in = TestResources.open("java/jars/" + fileName)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Zip zip() {
        return new Zip();
    }

    /** Builds a ZIP in memory; entries are DEFLATED unless added with {@link #stored}. */
    static final class Zip {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final ZipOutputStream out = new ZipOutputStream(bytes);

        Zip add(String name, byte[] data) {
            try {
                out.putNextEntry(new ZipEntry(name));
                out.write(data);
                out.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Zip add(String name, String text) {
            return add(name, text.getBytes(StandardCharsets.UTF_8));
        }

        Zip stored(String name, byte[] data) {
            ZipEntry e = new ZipEntry(name);
            e.setMethod(ZipEntry.STORED);
            e.setSize(data.length);
            e.setCompressedSize(data.length);
            CRC32 crc = new CRC32();
            crc.update(data);
            e.setCrc(crc.getValue());
            try {
                out.putNextEntry(e);
                out.write(data);
                out.closeEntry();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return this;
        }

        Zip dir(String name) {
            return add(name.endsWith("/") ? name : name + "/", new byte[0]);
        }

        byte[] build() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }
}
