package dev.strata.scanner.packages.analysis;

import dev.strata.scanner.packages.PackageParseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads the package headers of an rpm database in SQLite format ({@code rpmdb.sqlite}, table {@code Packages}).
 * SQLite needs a file: the content is copied to a temporary file in the given directory (the only on-disk copy)
 * and deleted after reading, together with any journal files SQLite made beside it. sqlite-jdbc unpacks its native
 * library on first use: unless {@code org.sqlite.tmpdir} is already set, it is pointed at the same directory so
 * nothing is written outside it.
 */
public final class RpmSqliteReader {

    private final Path tmpDir;
    private final RpmHeaderParser headers = new RpmHeaderParser();

    /** A reader that puts its temporary copies in {@code tmpDir} (created when missing). */
    public RpmSqliteReader(Path tmpDir) {
        this.tmpDir = tmpDir;
    }

    /**
     * Reads every header of the database in {@code content} (at most {@code maxBytes} bytes). Headers that cannot
     * be parsed go to {@code badHeader} with their row id; {@code gpg-pubkey} pseudo-packages are left out.
     *
     * @throws IOException when reading the content or writing the copy fails
     * @throws PackageParseException when the content is not an rpm SQLite database or is too large
     */
    public List<RpmHeader> read(InputStream content, long maxBytes, BiConsumer<Long, String> badHeader)
            throws IOException, PackageParseException {
        Files.createDirectories(tmpDir);
        if (System.getProperty("org.sqlite.tmpdir") == null) {
            System.setProperty("org.sqlite.tmpdir", tmpDir.toAbsolutePath().toString());
        }
        Path copy = Files.createTempFile(tmpDir, "rpmdb-", ".sqlite");
        try {
            try (OutputStream out = Files.newOutputStream(copy)) {
                LimitedOutputStream limited = new LimitedOutputStream(out, maxBytes);
                content.transferTo(limited);
                if (limited.tooLarge) {
                    throw new PackageParseException("rpm database larger than the limit of " + maxBytes + " bytes");
                }
                if (limited.written == 0) {
                    throw new PackageParseException("empty rpm database");
                }
            }
            return query(copy, badHeader);
        } finally {
            for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(copy + suffix));
            }
        }
    }

    private List<RpmHeader> query(Path db, BiConsumer<Long, String> badHeader) throws PackageParseException {
        List<RpmHeader> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT hnum, blob FROM Packages ORDER BY hnum")) {
            while (rs.next()) {
                long row = rs.getLong(1);
                byte[] blob = rs.getBytes(2);
                try {
                    RpmHeader h = headers.parse(blob == null ? new byte[0] : blob);
                    if (!h.name().equals("gpg-pubkey")) {
                        out.add(h);
                    }
                } catch (IllegalArgumentException e) {
                    badHeader.accept(row, e.getMessage());
                }
            }
        } catch (SQLException e) {
            throw new PackageParseException("not an rpm SQLite database: " + e.getMessage(), e);
        }
        return out;
    }

    /** Stops copying (and notes it) once more than the limit was offered; the rest is read and dropped. */
    private static final class LimitedOutputStream extends OutputStream {
        private final OutputStream out;
        private final long limit;
        private long written;
        private boolean tooLarge;

        LimitedOutputStream(OutputStream out, long limit) {
            this.out = out;
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (tooLarge || written + len > limit) {
                tooLarge = true;
                return;
            }
            written += len;
            out.write(b, off, len);
        }
    }
}
