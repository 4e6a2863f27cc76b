package dev.strata.scanner.packages.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.scanner.packages.TestResources;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JarManifestParserTest {

    private final JarManifestParser parser = new JarManifestParser();

    private JarManifest real(String name) throws Exception {
        JarManifest m = parser.parse(TestResources.open("java/" + name));
        assertThat(m.warnings()).isEmpty();
        return m;
    }

    private JarManifest parse(String text) {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void realOsgiBundleWithSingletonDirectiveAndWrappedLines() throws Exception {
        JarManifest m = real("org.eclipse.sisu.plexus-0.3.0.M1.MANIFEST.MF");
        assertThat(m.bundleSymbolicName()).contains("org.eclipse.sisu.plexus");
        assertThat(m.get("Bundle-SymbolicName")).contains("org.eclipse.sisu.plexus;singleton:=true");
        assertThat(m.bundleVersion()).contains("0.3.0.M1");
        // Export-Package is wrapped over 14 lines in the file; joined there is no space or newline in it
        assertThat(m.get("Export-Package").orElseThrow())
                .startsWith("org.eclipse.sisu.plexus,org.codehaus.plexus,org.codehaus.plexus.component,")
                .contains("org.codehaus.plexus.component.configurator.converters.composite,")
                .endsWith("org.codehaus.plexus.personality.plexus.lifecycle.phase")
                .doesNotContain(" ", "\n");
    }

    @Test
    void realMavenJarManifest() throws Exception {
        JarManifest m = real("httpclient5-5.1.3.MANIFEST.MF");
        assertThat(m.implementationTitle()).contains("Apache HttpClient");
        assertThat(m.implementationVendor()).contains("The Apache Software Foundation");
        assertThat(m.implementationVersion()).contains("5.1.3");
        assertThat(m.automaticModuleName()).contains("org.apache.httpcomponents.client5.httpclient5");
        assertThat(m.get("implementation-url")).contains("https://hc.apache.org/httpcomponents-client-5.0.x/5.1.3/httpclient5/");
        assertThat(m.bundleSymbolicName()).isEmpty();
        assertThat(m.isSpringBootArchive()).isFalse();
    }

    @Test
    void realCrLfManifest() throws Exception {
        JarManifest m = real("xz-1.9.MANIFEST.MF");
        assertThat(m.bundleSymbolicName()).contains("org.tukaani.xz");
        assertThat(m.bundleVersion()).contains("1.9");
        assertThat(m.implementationTitle()).contains("XZ data compression");
    }

    @Test
    void springBootAttributesAndEntrySectionsIgnored() {
        JarManifest m = parse("""
                Manifest-Version: 1.0
                Main-Class: org.springframework.boot.loader.launch.JarLauncher
                Start-Class: com.example.demo.DemoApplica
                 tion
                Spring-Boot-Version: 3.2.1
                Spring-Boot-Lib: BOOT-INF/lib/

                Name: BOOT-INF/classes/
                Implementation-Version: 9.9.9
                """);
        assertThat(m.springBootVersion()).contains("3.2.1");
        assertThat(m.startClass()).contains("com.example.demo.DemoApplication");
        assertThat(m.isSpringBootArchive()).isTrue();
        assertThat(m.implementationVersion()).isEmpty();
    }

    @Test
    void continuationSplitInsideUtf8CharacterIsJoinedAsBytes() throws Exception {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // 3 bytes
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("Implementation-Vendor: Caf".getBytes(StandardCharsets.UTF_8));
        out.write(euro, 0, 1);
        out.write("\r\n ".getBytes(StandardCharsets.UTF_8));
        out.write(euro, 1, 2);
        out.write("s\r\n".getBytes(StandardCharsets.UTF_8));
        JarManifest m = parser.parse(out.toByteArray());
        assertThat(m.implementationVendor()).contains("Caf€s");
    }

    @Test
    void malformedLinesAreWarningsNamingTheLine() {
        JarManifest m = parse(" orphan\nManifest-Version: 1.0\nno separator here\nBad Name: x\n"
                + "Implementation-Version: 1\nimplementation-version: 2\n");
        assertThat(m.warnings()).extracting(Object::toString).containsExactly(
                "line 1: continuation line without a header",
                "line 3: expected 'Name: value' but found: no separator here",
                "line 4: invalid header name 'Bad Name'",
                "line 6: duplicate header 'implementation-version'; the last value wins");
        assertThat(m.implementationVersion()).contains("2");
    }

    @Test
    void emptyAndBinaryInputDoNotCrash() {
        assertThat(parser.parse(new byte[0]).mainAttributes()).isEmpty();
        byte[] junk = new byte[2048];
        new java.util.Random(3).nextBytes(junk);
        assertThat(parser.parse(junk)).isNotNull();
    }
}
