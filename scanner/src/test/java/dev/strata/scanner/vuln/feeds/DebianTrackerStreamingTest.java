package dev.strata.scanner.vuln.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DebianTrackerStreamingTest {

    /** Generates a tracker-shaped document of {@code packages} × {@code issues} on the fly, counting bytes read. */
    static final class GeneratedTracker extends InputStream {
        private final int packages;
        private final int issues;
        private int pkg;
        private int issue;
        private byte[] chunk = "{".getBytes(StandardCharsets.UTF_8);
        private int pos;
        private boolean done;
        long bytesRead;

        GeneratedTracker(int packages, int issues) {
            this.packages = packages;
            this.issues = issues;
        }

        private boolean refill() {
            if (done) {
                return false;
            }
            StringBuilder sb = new StringBuilder();
            if (pkg == packages) {
                sb.append('}');
                done = true;
            } else {
                if (issue == 0) {
                    sb.append(pkg == 0 ? "" : ",").append("\"pkg").append(pkg).append("\":{");
                }
                sb.append(issue == 0 ? "" : ",").append("\"CVE-2024-").append(10000 + issue).append("\":{")
                        .append("\"description\":\"").append("x".repeat(200)).append("\",\"scope\":\"remote\",")
                        .append("\"releases\":{\"bookworm\":{\"status\":\"resolved\",\"repositories\":")
                        .append("{\"bookworm\":\"1.0-1\"},\"fixed_version\":\"1.0-2\",\"urgency\":\"low\"},")
                        .append("\"bullseye\":{\"status\":\"open\",\"urgency\":\"low**\"}}}");
                if (++issue == issues) {
                    sb.append('}');
                    issue = 0;
                    pkg++;
                }
            }
            chunk = sb.toString().getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            while (pos == chunk.length) {
                if (!refill()) {
                    return -1;
                }
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            bytesRead += n;
            return n;
        }
    }

    @Test
    void deliversRecordsWhileReadingAndFinishesALargeDocument() throws IOException {
        GeneratedTracker in = new GeneratedTracker(2_000, 50); // 100 000 issues, about 40 MB
        long[] readAtFirst = {-1};
        long[] count = {0};
        DebianTrackerParser.Summary s = new DebianTrackerParser(Set.of("bookworm")).parse(in, a -> {
            if (readAtFirst[0] < 0) {
                readAtFirst[0] = in.bytesRead;
            }
            count[0]++;
        });
        assertThat(s.advisories()).isEqualTo(100_000).isEqualTo(count[0]);
        assertThat(s.warnings()).isZero();
        assertThat(in.bytesRead).isGreaterThan(30_000_000L);
        // the first record arrives after one buffer, not after the whole document
        assertThat(readAtFirst[0]).isBetween(1L, 64L * 1024);
    }
}
