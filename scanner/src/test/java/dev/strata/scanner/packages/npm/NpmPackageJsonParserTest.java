package dev.strata.scanner.packages.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.scanner.packages.PackageParseException;
import dev.strata.scanner.packages.ParseResult;
import dev.strata.scanner.packages.TestResources;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NpmPackageJsonParserTest {

    private final NpmPackageJsonParser parser = new NpmPackageJsonParser();

    private ParseResult<NpmPackage> parse(String json) throws Exception {
        return parser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void realLodash() throws Exception {
        var r = parser.parse(TestResources.open("npm/lodash-4.17.15.package.json"));
        assertThat(r.warnings()).isEmpty();
        NpmPackage p = r.items().get(0);
        assertThat(p).isEqualTo(new NpmPackage("lodash", "4.17.15", java.util.List.of("MIT")));
        assertThat(p.toDetectedPackage("/app/node_modules/lodash/package.json").purl())
                .isEqualTo("pkg:npm/lodash@4.17.15");
    }

    @Test
    void realScopedPackage() throws Exception {
        NpmPackage p = parser.parse(TestResources.open("npm/babel-helper-string-parser-7.25.9.package.json"))
                .items().get(0);
        assertThat(p.name()).isEqualTo("@babel/helper-string-parser");
        assertThat(p.version()).isEqualTo("7.25.9");
        assertThat(p.licenses()).containsExactly("MIT");
        assertThat(p.toDetectedPackage(null).purl()).isEqualTo("pkg:npm/%40babel/helper-string-parser@7.25.9");
    }

    @Test
    void legacyLicenseForms() throws Exception {
        assertThat(parse("""
                {"name":"a","version":"1.0.0","license":{"type":"BSD-3-Clause","url":"http://x"}}
                """).items().get(0).licenses()).containsExactly("BSD-3-Clause");
        assertThat(parse("""
                {"name":"a","version":"1.0.0","licenses":[{"type":"MIT","url":"u"},{"type":"Apache-2.0"},"GPL-2.0"]}
                """).items().get(0).licenses()).containsExactly("MIT", "Apache-2.0", "GPL-2.0");
        assertThat(parse("{\"name\":\"a\",\"version\":\"1.0.0\"}").items().get(0).licenses()).isEmpty();
    }

    @Test
    void oddLicenseIsAWarning() throws Exception {
        var r = parse("{\"name\":\"a\",\"version\":\"1.0.0\",\"license\":42}");
        assertThat(r.items().get(0).licenses()).isEmpty();
        assertThat(r.warnings()).extracting(Object::toString).containsExactly("unrecognised license value: 42");
    }

    @Test
    void missingVersionIsAWarning() throws Exception {
        var r = parse("{\"name\":\"a\",\"private\":true}");
        assertThat(r.items()).isEmpty();
        assertThat(r.warnings()).extracting(Object::toString).containsExactly(
                "not a package: missing or non-string \"version\"");
    }

    @Test
    void invalidJsonThrowsTypedExceptionNamingThePosition() {
        assertThatThrownBy(() -> parse("{\"name\": \"a\",\n \"version\": }"))
                .isInstanceOf(PackageParseException.class)
                .hasMessageStartingWith("invalid JSON in package.json at line 2");
        assertThatThrownBy(() -> parse("[1,2]"))
                .isInstanceOf(PackageParseException.class)
                .hasMessage("package.json is not a JSON object");
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(PackageParseException.class);
    }
}
