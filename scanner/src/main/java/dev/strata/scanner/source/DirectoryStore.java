package dev.strata.scanner.source;

import dev.strata.scanner.image.ImageFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** An OCI layout directory. */
final class DirectoryStore implements BlobStore {
    private final Path root;
    private final String describe;

    DirectoryStore(Path root, String describe) {
        this.root = root;
        this.describe = describe;
    }

    private Path resolve(String name) throws ImageFormatException {
        Path p = root.resolve(name).normalize();
        if (!p.startsWith(root)) {
            throw new ImageFormatException("path " + name + " escapes " + describe);
        }
        return p;
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public long size(String name) throws IOException {
        Path p = resolve(name);
        return Files.isRegularFile(p) ? Files.size(p) : -1;
    }

    @Override
    public InputStream open(String name) throws IOException {
        return Files.newInputStream(resolve(name));
    }

    @Override
    public byte[] read(String name) throws IOException {
        return Files.readAllBytes(resolve(name));
    }

    @Override
    public void close() {
    }
}
