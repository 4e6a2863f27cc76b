package dev.strata.scanner.packages.golang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.scanner.packages.DetectedPackage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoPackagesTest {

    private static List<String> purls(GoBuildInfo info) {
        return GoPackages.of(info, "/bin/x").stream().map(DetectedPackage::purl).toList();
    }

    @Test
    void replacementsMainModuleAndStdlib() {
        GoBuildInfo info = new GoBuildInfo("go1.21.5", "github.com/acme/tool/cmd/tool",
                new GoModule("github.com/acme/tool", "v1.4.0", "h1:x", null),
                List.of(new GoModule("github.com/pkg/errors", "v0.9.1", "", null),
                        new GoModule("golang.org/x/net", "v0.1.0", "", new GoModule("github.com/acme/net", "v0.17.0", "", null)),
                        new GoModule("github.com/acme/local", "v0.0.0", "", new GoModule("../local", "", "", null)),
                        new GoModule("example.com/noversion", "", "", null)),
                Map.of());
        assertThat(purls(info)).containsExactly(
                "pkg:golang/github.com/acme/tool@v1.4.0",
                "pkg:golang/github.com/pkg/errors@v0.9.1",
                "pkg:golang/github.com/acme/net@v0.17.0",
                "pkg:golang/github.com/acme/local@v0.0.0",
                "pkg:golang/stdlib@1.21.5");
    }

    @Test
    void develMainModuleIsSkipped() {
        GoBuildInfo info = new GoBuildInfo("go1.22rc1 X:boringcrypto", "m",
                new GoModule("m", "(devel)", "", null), List.of(), Map.of());
        assertThat(purls(info)).containsExactly("pkg:golang/stdlib@1.22rc1");
    }

    @Test
    void stdlibVersions() {
        assertThat(purls(new GoBuildInfo("go1.18", null, null, List.of(), Map.of())))
                .containsExactly("pkg:golang/stdlib@1.18");
        assertThat(purls(new GoBuildInfo("devel go1.23-abcdef Tue", null, null, List.of(), Map.of()))).isEmpty();
        assertThat(GoPackages.of(new GoBuildInfo("go1.21.5", null, null, List.of(), Map.of()), "/bin/x").get(0).paths())
                .containsExactly("/bin/x");
    }
}
