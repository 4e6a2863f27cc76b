package dev.strata.scanner.packages.analysis;

import dev.strata.scanner.packages.InstalledPackage;
import dev.strata.scanner.packages.PackageType;
import dev.strata.scanner.testing.TarBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Inventories built from real package databases: this Debian machine's, and a recorded Alpine 3.19 root. */
class RealDataInventoryTest {

    private static final Path DPKG_STATUS = Path.of("/var/lib/dpkg/status");
    private static final Path DPKG_INFO = Path.of("/var/lib/dpkg/info");
    private static final Path DIST_PACKAGES = Path.of("/usr/lib/python3/dist-packages");

    @Test
    void dpkgPackagesOfThisMachineEqualDpkgQuery() throws Exception {
        assumeTrue(Files.isReadable(DPKG_STATUS) && Files.isReadable(Path.of("/usr/lib/os-release")),
                "not a Debian machine");
        Optional<List<String>> queried = run("dpkg-query", "-W", "-f", "${db:Status-Status} ${Package} ${Version}\\n");
        assumeTrue(queried.isPresent(), "dpkg-query not available");
        List<String> expected = queried.get().stream()
                .filter(l -> l.startsWith("installed "))
                .map(l -> l.substring("installed ".length()))
                .sorted().toList();

        TarBuilder layer = new TarBuilder()
                .file("usr/lib/os-release", Files.readAllBytes(Path.of("/usr/lib/os-release")))
                .symlink("etc/os-release", "../usr/lib/os-release")
                .file("var/lib/dpkg/status", Files.readAllBytes(DPKG_STATUS));
        try (Stream<Path> lists = Files.list(DPKG_INFO)) {
            for (Path list : lists.filter(p -> p.toString().endsWith(".list")).sorted().limit(5).toList()) {
                layer.file("var/lib/dpkg/info/" + list.getFileName(), Files.readAllBytes(list));
            }
        }
        Optional<DebianPython> python = debianPythonDistribution();
        if (Files.isDirectory(DIST_PACKAGES)) {
            assertThat(python).as("a dist-info directory owned by a Debian package").isPresent();
        }
        if (python.isPresent()) {
            Path metadata = python.get().metadata();
            layer.file(metadata.toString().substring(1), Files.readAllBytes(metadata));
            layer.file("var/lib/dpkg/info/" + python.get().listFile(),
                    Files.readAllBytes(DPKG_INFO.resolve(python.get().listFile())));
        }
        LayerStack stack = new LayerStack();
        stack.add(layer);

        InventoryResult r = stack.inventory();

        assertThat(r.os().id()).isEqualTo("debian");
        List<String> detected = r.packages().stream().filter(p -> p.pkg().type() == PackageType.DEB)
                .map(p -> p.pkg().name() + " " + p.pkg().version()).sorted().toList();
        assertThat(detected).containsExactlyElementsOf(expected);
        assertThat(r.packages()).filteredOn(p -> p.pkg().type() == PackageType.DEB)
                .allSatisfy(p -> assertThat(p.pkg().purl()).contains("distro=" + r.os().purlDistro()));
        if (python.isPresent()) {
            String path = python.get().metadata().toString();
            InstalledPackage pkg = r.packages().stream().filter(p -> p.pkg().paths().contains(path))
                    .findFirst().orElseThrow();
            assertThat(pkg.pkg().type()).isEqualTo(PackageType.PYPI);
            assertThat(pkg.ownedBy()).startsWith("pkg:deb/debian/" + python.get().debianPackage() + "@");
        }
    }

    @Test
    void alpine319RootHasItsTwentyEightPackages() {
        LayerStack stack = new LayerStack();
        stack.add(new TarBuilder()
                .file("etc/os-release", resource("os-release"))
                .file("etc/alpine-release", resource("alpine-release"))
                .file("lib/apk/db/installed", resource("installed")));

        InventoryResult r = stack.inventory();

        assertThat(r.os().purlDistro()).isEqualTo("alpine-3.19");
        assertThat(r.warnings()).isEmpty();
        assertThat(r.packages()).extracting(p -> p.pkg().name() + " " + p.pkg().version()).containsExactly(
                "alpine-baselayout 3.4.3-r2", "alpine-baselayout-data 3.4.3-r2", "alpine-keys 2.4-r1",
                "apk-tools 2.14.0-r5", "binutils 2.41-r1", "busybox 1.36.1-r15", "busybox-binsh 1.36.1-r15",
                "ca-certificates-bundle 20230506-r0", "gcc 13.2.1_git20231014-r0", "gmp 6.3.0-r0",
                "isl26 0.26-r1", "jansson 2.14-r4", "libatomic 13.2.1_git20231014-r0", "libc-utils 0.7.2-r5",
                "libcrypto3 3.1.4-r5", "libgcc 13.2.1_git20231014-r0", "libgomp 13.2.1_git20231014-r0",
                "libssl3 3.1.4-r5", "libstdc++ 13.2.1_git20231014-r0", "mpc1 1.3.1-r1", "mpfr4 4.2.1-r0",
                "musl 1.2.4_git20230717-r6", "musl-dev 1.2.4_git20230717-r6", "musl-utils 1.2.4_git20230717-r4",
                "scanelf 1.3.7-r2", "ssl_client 1.36.1-r15", "zlib 1.3.1-r0", "zstd-libs 1.5.5-r8");
        InstalledPackage crypto = r.packages().stream().filter(p -> p.pkg().name().equals("libcrypto3"))
                .findFirst().orElseThrow();
        assertThat(crypto.pkg().sourceName()).isEqualTo("openssl");
        assertThat(crypto.pkg().purl()).isEqualTo("pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=x86_64&distro=alpine-3.19");
        assertThat(crypto.layerDiffId()).isEqualTo(stack.diffId(0));
    }

    /** A dist-info METADATA file of this machine, the Debian package owning it and that package's .list file. */
    private record DebianPython(Path metadata, String debianPackage, String listFile) {
    }

    private static Optional<DebianPython> debianPythonDistribution() throws IOException, InterruptedException {
        if (!Files.isDirectory(DIST_PACKAGES)) {
            return Optional.empty();
        }
        List<Path> candidates;
        try (Stream<Path> dirs = Files.list(DIST_PACKAGES)) {
            candidates = dirs.filter(d -> d.getFileName().toString().endsWith(".dist-info"))
                    .map(d -> d.resolve("METADATA")).filter(Files::isRegularFile).sorted().toList();
        }
        for (Path metadata : candidates) {
            Optional<List<String>> owner = run("dpkg", "-S", metadata.toString());
            if (owner.isEmpty() || owner.get().size() != 1) {
                continue;
            }
            String pkg = owner.get().get(0).substring(0, owner.get().get(0).indexOf(": "));
            String name = pkg.contains(":") ? pkg.substring(0, pkg.indexOf(':')) : pkg;
            for (String list : List.of(pkg + ".list", name + ".list")) {
                if (Files.isRegularFile(DPKG_INFO.resolve(list))) {
                    return Optional.of(new DebianPython(metadata, name, list));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return Optional.empty(); // not installed
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? Optional.of(out.lines().toList()) : Optional.empty();
    }

    private static byte[] resource(String name) {
        try (InputStream in = RealDataInventoryTest.class
                .getResourceAsStream("/dev/strata/scanner/packages/analysis/alpine-3.19/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
