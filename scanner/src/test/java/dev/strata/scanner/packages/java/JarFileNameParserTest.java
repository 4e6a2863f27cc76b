package dev.strata.scanner.packages.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JarFileNameParserTest {

    private final JarFileNameParser parser = new JarFileNameParser();

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "log4j-core-2.14.1.jar, log4j-core, 2.14.1, -",
            "/app/lib/log4j-core-2.14.1.jar, log4j-core, 2.14.1, -",
            "netty-all-4.1.90.Final.jar, netty-all, 4.1.90.Final, -",
            "guava-31.1-jre.jar, guava, 31.1-jre, -",
            "guava-32.1.3-android.jar, guava, 32.1.3-android, -",
            "my-app-1.0-SNAPSHOT.jar, my-app, 1.0-SNAPSHOT, -",
            "my-app-1.0-20240101.120000-3.jar, my-app, 1.0-20240101.120000-3, -",
            "json-lib-2.4-jdk15.jar, json-lib, 2.4, jdk15",
            "foo-1.2.3-jdk8.jar, foo, 1.2.3, jdk8",
            "sisu-guice-3.1.0-no_aop.jar, sisu-guice, 3.1.0, no_aop",
            "commons-io-2.15.1-sources.jar, commons-io, 2.15.1, sources",
            "bcprov-jdk18on-1.77.jar, bcprov-jdk18on, 1.77, -",
            "log4j-1.2-api-2.17.1.jar, log4j-1.2-api, 2.17.1, -",
            "jackson-datatype-jsr310-2.15.0.jar, jackson-datatype-jsr310, 2.15.0, -",
            "spring-core-6.1.2.RELEASE.jar, spring-core, 6.1.2.RELEASE, -",
            "netty-tcnative-boringssl-static-2.0.61.Final-linux-x86_64.jar, netty-tcnative-boringssl-static, 2.0.61.Final, linux-x86_64",
            "junit-4.13.2.jar, junit, 4.13.2, -",
            "core.jar, core, -, -",
            "hadoop-shaded-guava.jar, hadoop-shaded-guava, -, -",
            "app.WAR, app, -, -",
    })
    void parsesNames(String file, String artifactId, String version, String classifier) {
        assertThat(parser.parse(file)).contains(new JarFileName(artifactId, version, classifier));
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", ".jar", "lib/", "x.jar.sha1"})
    void notAnArchiveName(String file) {
        assertThat(parser.parse(file)).isEmpty();
    }
}
