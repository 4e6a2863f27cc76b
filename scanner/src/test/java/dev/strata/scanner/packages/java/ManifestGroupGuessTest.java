package dev.strata.scanner.packages.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestGroupGuessTest {

    private static JarManifest manifest(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new JarManifest(m, java.util.List.of());
    }

    @Test
    void implementationVendorIdIsTheGroup() {
        assertThat(ManifestGroupGuess.guess(manifest("Implementation-Vendor-Id", "org.apache.maven.surefire"), null))
                .hasValue("org.apache.maven.surefire");
        assertThat(ManifestGroupGuess.guess(manifest("Implementation-Vendor-Id", "Sun Microsystems"), "x")).isEmpty();
    }

    @Test
    void bundlePluginDefaults() {
        assertThat(ManifestGroupGuess.guess(manifest("Bundle-SymbolicName", "org.objenesis"), "objenesis"))
                .hasValue("org.objenesis");
        assertThat(ManifestGroupGuess.guess(manifest("Bundle-SymbolicName", "org.apache.commons.lang3"),
                "commons-lang3")).hasValue("org.apache.commons");
        assertThat(ManifestGroupGuess.guess(manifest("Bundle-SymbolicName", "com.fasterxml.jackson.core.jackson-core"),
                "jackson-core")).hasValue("com.fasterxml.jackson.core");
        assertThat(ManifestGroupGuess.guess(
                manifest("Bundle-SymbolicName", "org.eclipse.sisu.plexus;singleton:=true"), "org.eclipse.sisu.plexus"))
                .isEmpty();
    }

    @Test
    void noGuessWhenUnrelatedOrUnknown() {
        assertThat(ManifestGroupGuess.guess(manifest("Bundle-SymbolicName", "org.apache.felix"), "felix")).isEmpty();
        assertThat(ManifestGroupGuess.guess(manifest("Bundle-SymbolicName", "com.example.other"), "thing")).isEmpty();
        assertThat(ManifestGroupGuess.guess(manifest("Bundle-SymbolicName", "org.objenesis"), null)).isEmpty();
        assertThat(ManifestGroupGuess.guess(manifest("Bundle-SymbolicName", "lang3"), "lang3")).isEmpty();
        assertThat(ManifestGroupGuess.guess(manifest("Bundle-SymbolicName", "commons.lang3"), "commons-lang3"))
                .isEmpty();
        assertThat(ManifestGroupGuess.guess(manifest("Bundle-SymbolicName", "org.lang3"), "org-lang3")).isEmpty();
        assertThat(ManifestGroupGuess.guess(manifest(), "x")).isEmpty();
    }
}
