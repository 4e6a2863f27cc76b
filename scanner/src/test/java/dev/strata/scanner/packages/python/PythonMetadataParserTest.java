package dev.strata.scanner.packages.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.scanner.packages.ParseResult;
import dev.strata.scanner.packages.TestResources;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PythonMetadataParserTest {

    private final PythonMetadataParser parser = new PythonMetadataParser();

    private PythonPackage parse(String resource) throws Exception {
        ParseResult<PythonPackage> r = parser.parse(TestResources.open("python/" + resource));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.items()).hasSize(1);
        return r.items().get(0);
    }

    @Test
    void realDistInfoWithLicenseAndClassifier() throws Exception {
        PythonPackage p = parse("PyYAML-6.0.METADATA");
        assertThat(p.name()).isEqualTo("PyYAML");
        assertThat(p.version()).isEqualTo("6.0");
        assertThat(p.metadataVersion()).isEqualTo("2.1");
        assertThat(p.licenses()).containsExactly("MIT", "MIT License");
        assertThat(p.toDetectedPackage("/usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA").purl())
                .isEqualTo("pkg:pypi/pyyaml@6.0");
    }

    @Test
    void realDistInfoWithClassifiersOnly() throws Exception {
        PythonPackage p = parse("packaging-23.0.METADATA");
        assertThat(p.name()).isEqualTo("packaging");
        assertThat(p.version()).isEqualTo("23.0");
        assertThat(p.licenses()).containsExactly("Apache Software License", "BSD License");
    }

    @Test
    void realDistInfoSpdxLicenseField() throws Exception {
        PythonPackage p = parse("cryptography-38.0.4.METADATA");
        assertThat(p.licenses()).containsExactly("BSD-3-Clause OR Apache-2.0", "Apache Software License",
                "BSD License");
    }

    @Test
    void realLicenseExpressionWins() throws Exception {
        PythonPackage p = parse("attrs-26.1.0.METADATA");
        assertThat(p.name()).isEqualTo("attrs");
        assertThat(p.version()).isEqualTo("26.1.0");
        assertThat(p.metadataVersion()).isEqualTo("2.4");
        assertThat(p.licenses()).containsExactly("MIT");
    }

    @Test
    void realEggInfoPkgInfo() throws Exception {
        PythonPackage p = parse("PyJWT-2.6.0.PKG-INFO");
        assertThat(p.name()).isEqualTo("PyJWT");
        assertThat(p.version()).isEqualTo("2.6.0");
        assertThat(p.licenses()).containsExactly("MIT", "MIT License");
        assertThat(p.toDetectedPackage(null).purl()).isEqualTo("pkg:pypi/pyjwt@2.6.0");
    }

    @Test
    void bodyIsIgnoredAndUnknownLicenseDropped() throws Exception {
        var r = parser.parse(new ByteArrayInputStream("""
                Metadata-Version: 2.1
                Name: zope.interface
                Version: 5.5.2
                License: UNKNOWN

                Name: not-this
                License: not this either
                """.getBytes(StandardCharsets.UTF_8)));
        PythonPackage p = r.items().get(0);
        assertThat(p.name()).isEqualTo("zope.interface");
        assertThat(p.licenses()).isEmpty();
        assertThat(p.toDetectedPackage(null).purl()).isEqualTo("pkg:pypi/zope-interface@5.5.2");
    }

    @Test
    void missingVersionIsAWarning() throws Exception {
        var r = parser.parse(new ByteArrayInputStream("Name: x\nbroken line\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.items()).isEmpty();
        assertThat(r.warnings()).extracting(Object::toString).containsExactly(
                "line 2: expected 'Field: value' but found: broken line",
                "line 1: not a package: missing Version header");
        var empty = parser.parse(new ByteArrayInputStream(new byte[0]));
        assertThat(empty.warnings()).extracting(Object::toString).containsExactly("not a package: missing Name header");
    }
}
