package dev.strata.scanner.packages.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.strata.scanner.packages.PackageParseException;
import dev.strata.scanner.packages.TestResources;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackageLockParserTest {

    private final PackageLockParser parser = new PackageLockParser();

    private PackageLock parse(String json) throws Exception {
        return parser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** The same project locked by npm 11 in all three formats gives the same paths, versions and scopes. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void realLockfilesAllVersions(int lockfileVersion) throws Exception {
        PackageLock lock = parser.parse(TestResources.open("npm/package-lock-v" + lockfileVersion + ".json"));
        assertThat(lock.lockfileVersion()).isEqualTo(lockfileVersion);
        assertThat(lock.warnings()).isEmpty();
        assertThat(lock.scopesByPath()).containsOnly(
                entry("node_modules/@babel/helper-string-parser", NpmScope.PROD),
                entry("node_modules/debug", NpmScope.DEV),
                entry("node_modules/debug/node_modules/ms", NpmScope.DEV),
                entry("node_modules/is-number", NpmScope.OPTIONAL),
                entry("node_modules/lodash", NpmScope.PROD),
                entry("node_modules/ms", NpmScope.PROD));
        assertThat(lock.packages()).extracting(LockedPackage::name, LockedPackage::version).contains(
                org.assertj.core.groups.Tuple.tuple("@babel/helper-string-parser", "7.25.9"),
                org.assertj.core.groups.Tuple.tuple("ms", "2.1.2"),
                org.assertj.core.groups.Tuple.tuple("ms", "2.1.3"),
                org.assertj.core.groups.Tuple.tuple("lodash", "4.18.1"));
        LockedPackage lodash = lock.packages().stream().filter(p -> p.name().equals("lodash")).findFirst()
                .orElseThrow();
        assertThat(lodash.peer()).isTrue();
        assertThat(lodash.toDetectedPackage("/app/package-lock.json").purl()).isEqualTo("pkg:npm/lodash@4.18.1");
    }

    @Test
    void linksWorkspacesAliasesAndDevOptional() throws Exception {
        PackageLock lock = parse("""
                {"lockfileVersion": 3, "packages": {
                  "": {"name": "root", "version": "1.0.0"},
                  "packages/a": {"name": "a", "version": "0.1.0"},
                  "node_modules/a": {"resolved": "packages/a", "link": true},
                  "node_modules/str": {"name": "string-width", "version": "4.2.3"},
                  "node_modules/fsevents": {"version": "2.3.3", "devOptional": true},
                  "node_modules/both": {"version": "1.0.0", "dev": true, "optional": true}
                }}""");
        assertThat(lock.packages()).extracting(LockedPackage::path, LockedPackage::name, LockedPackage::scope)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("node_modules/str", "string-width", NpmScope.PROD),
                        org.assertj.core.groups.Tuple.tuple("node_modules/fsevents", "fsevents", NpmScope.OPTIONAL),
                        org.assertj.core.groups.Tuple.tuple("node_modules/both", "both", NpmScope.DEV));
    }

    @Test
    void malformedEntriesAreWarnings() throws Exception {
        PackageLock lock = parse("""
                {"packages": {
                  "node_modules/nover": {"resolved": "x"},
                  "node_modules/notobj": 5,
                  "node_modules/ok": {"version": "1.0.0"}
                }}""");
        assertThat(lock.lockfileVersion()).isZero();
        assertThat(lock.packages()).extracting(LockedPackage::name).containsExactly("ok");
        assertThat(lock.warnings()).extracting(Object::toString).containsExactly(
                "missing or invalid \"lockfileVersion\"; guessing from content",
                "packages[\"node_modules/nover\"] skipped: no version",
                "packages[\"node_modules/notobj\"] is not an object");
        PackageLock v1 = parse("{\"lockfileVersion\":1,\"dependencies\":{\"x\":{\"dev\":true}}}");
        assertThat(v1.warnings()).extracting(Object::toString)
                .containsExactly("dependencies \"node_modules/x\" skipped: no version");
    }

    @Test
    void invalidJsonThrows() {
        assertThatThrownBy(() -> parse("{\"lockfileVersion\": 3,"))
                .isInstanceOf(PackageParseException.class)
                .hasMessageStartingWith("invalid JSON in package-lock.json at line 1");
    }
}
