package dev.strata.scanner.layer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipException;

/**
 * Inflates gzip with an external {@code igzip -dc} process: a feeder thread copies the compressed stream to its
 * stdin, the caller reads its stdout. Blobs known to be smaller than {@code minSize} are inflated in the JVM,
 * where starting a process would cost more than it saves.
 *
 * <p>At the end of its output the process must have exited 0, else the read fails: an {@link EOFException} when
 * igzip found the stream incomplete, a {@link ZipException} for anything else, with igzip's own message. A
 * failure of the compressed stream itself (read on the feeder thread) is rethrown as it was. Closing before the
 * end kills the process. igzip, like the JVM, ignores bytes after the last gzip member; the feeder still reads
 * the compressed stream to its end.
 */
public final class ExternalGzipInflater implements GzipInflater {
    /** Blobs below this size are inflated in the JVM. */
    public static final long DEFAULT_MIN_SIZE = 1 << 20;
    private static final int BUFFER = 64 * 1024;

    private final Path executable;
    private final long minSize;

    public ExternalGzipInflater(Path executable) {
        this(executable, DEFAULT_MIN_SIZE);
    }

    /** With {@code minSize} 0 every stream goes through the process (tests). */
    public ExternalGzipInflater(Path executable, long minSize) {
        this.executable = Objects.requireNonNull(executable, "executable");
        this.minSize = minSize;
    }

    @Override
    public InputStream inflate(InputStream compressed, long compressedSize) throws IOException {
        if (compressedSize > 0 && compressedSize < minSize) {
            return GzipInflater.java().inflate(compressed, compressedSize);
        }
        Process process = new ProcessBuilder(executable.toString(), "-dc").start();
        return new ProcessStream(process, compressed);
    }

    @Override
    public String describe() {
        return executable.toString();
    }

    /** The process's stdout; owns the process and the feeder thread. */
    private static final class ProcessStream extends InputStream {
        private final Process process;
        private final InputStream stdout;
        private final Thread feeder;
        private volatile boolean cancelled;
        private volatile IOException sourceFailure;
        private volatile RuntimeException feederBug;
        private boolean finished;

        ProcessStream(Process process, InputStream compressed) {
            this.process = process;
            this.stdout = process.getInputStream();
            this.feeder = new Thread(() -> feed(compressed), "strata-igzip-feeder");
            feeder.setDaemon(true);
            feeder.start();
        }

        /** Copies the compressed stream to the process; after a broken pipe, reads the rest without writing it. */
        private void feed(InputStream compressed) {
            OutputStream stdin = process.getOutputStream();
            boolean writable = true;
            byte[] buf = new byte[BUFFER];
            try {
                int n;
                while (!cancelled && (n = compressed.read(buf, 0, buf.length)) >= 0) {
                    if (writable) {
                        try {
                            stdin.write(buf, 0, n);
                        } catch (IOException brokenPipe) {
                            writable = false; // igzip stopped reading: its exit status tells why
                        }
                    }
                }
            } catch (IOException e) {
                sourceFailure = e;
            } catch (RuntimeException e) {
                feederBug = e;
            } finally {
                try {
                    stdin.close();
                } catch (IOException ignored) {
                    // the process is gone; its exit status tells why
                }
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (finished) {
                return -1;
            }
            int n = stdout.read(b, off, len);
            if (n < 0) {
                finish();
                return -1;
            }
            return n;
        }

        /** At the end of the output: waits for the feeder and the process and turns a failure into an exception. */
        private void finish() throws IOException {
            finished = true;
            joinFeeder();
            if (sourceFailure != null) {
                process.destroyForcibly();
                throw sourceFailure;
            }
            if (feederBug != null) {
                process.destroyForcibly();
                throw feederBug;
            }
            int exit;
            try {
                exit = process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new java.io.InterruptedIOException("interrupted waiting for igzip");
            }
            if (exit != 0) {
                String message = firstLine(process.getErrorStream().readNBytes(4096));
                if (message.contains("complete gzip") || message.contains("end of file")) {
                    throw new EOFException("unexpected end of gzip stream (" + message + ")");
                }
                throw new ZipException(message.isEmpty() ? "igzip exited with status " + exit : message);
            }
        }

        private void joinFeeder() throws IOException {
            try {
                feeder.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
                process.destroyForcibly();
                throw new java.io.InterruptedIOException("interrupted waiting for the igzip feeder");
            }
        }

        private static String firstLine(byte[] stderr) {
            String text = new String(stderr, StandardCharsets.UTF_8).strip();
            int nl = text.indexOf('\n');
            return nl < 0 ? text : text.substring(0, nl);
        }

        @Override
        public void close() throws IOException {
            if (!finished) {
                // stopped early (a failure downstream): kill the process; the feeder stops at its next read
                finished = true;
                cancelled = true;
                process.destroyForcibly();
                try {
                    feeder.join(TimeUnit.SECONDS.toMillis(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            stdout.close();
            process.getErrorStream().close();
        }
    }
}
