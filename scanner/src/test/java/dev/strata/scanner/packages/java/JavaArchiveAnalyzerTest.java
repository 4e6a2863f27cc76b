package dev.strata.scanner.packages.java;

import static dev.strata.scanner.packages.java.TestJars.real;
import static dev.strata.scanner.packages.java.TestJars.sha1;
import static dev.strata.scanner.packages.java.TestJars.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class JavaArchiveAnalyzerTest {

    private static final String MANIFEST = "Manifest-Version: 1.0\r\n";

    private final JavaArchiveAnalyzer analyzer = new JavaArchiveAnalyzer();

    private RecordingSink analyze(JavaArchiveAnalyzer a, String path, byte[] bytes) throws IOException {
        RecordingSink sink = new RecordingSink();
        a.analyze(path, new ByteArrayInputStream(bytes), sink);
        return sink;
    }

    private RecordingSink analyze(String path, byte[] bytes) throws IOException {
        return analyze(analyzer, path, bytes);
    }

    @Test
    void wantsJavaArchivesOnly() {
        assertThat(analyzer.wants("/app/lib/a.jar", 10)).isTrue();
        assertThat(analyzer.wants("/srv/ROOT.WAR", 10)).isTrue();
        assertThat(analyzer.wants("/x/app.ear", 10)).isTrue();
        assertThat(analyzer.wants("/var/jenkins/plugins/git.jpi", 10)).isTrue();
        assertThat(analyzer.wants("/var/jenkins/plugins/git.HPI", 10)).isTrue();
        assertThat(analyzer.wants("/app/lib/a.jar.sha1", 10)).isFalse();
        assertThat(analyzer.wants("/app/a.zip", 10)).isFalse();
    }

    @Test
    void pomProperties() throws IOException {
        byte[] jar = real("jopt-simple-5.0.4.jar");
        RecordingSink sink = analyze("/app/lib/jopt-simple-5.0.4.jar", jar);
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.packages).containsExactly(
                "pkg:maven/net.sf.jopt-simple/jopt-simple@5.0.4 /app/lib/jopt-simple-5.0.4.jar " + sha1(jar));
    }

    @Test
    void shadedJarGivesEveryPomProperties() throws IOException {
        byte[] jar = real("surefire-api-2.12.4.jar");
        RecordingSink sink = analyze("/opt/surefire-api-2.12.4.jar", jar);
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.packages).containsExactlyInAnyOrder(
                "pkg:maven/org.apache.maven.surefire/surefire-api@2.12.4 /opt/surefire-api-2.12.4.jar " + sha1(jar),
                "pkg:maven/org.codehaus.plexus/plexus-utils@3.0.8 /opt/surefire-api-2.12.4.jar " + sha1(jar));
    }

    @Test
    void manifestOnlyJarsGuessGroupFromBundleSymbolicName() throws IOException {
        byte[] opentest = real("opentest4j-1.2.0.jar");
        byte[] objenesis = real("objenesis-3.3.jar");
        assertThat(analyze("/l/opentest4j-1.2.0.jar", opentest).packages)
                .containsExactly("pkg:maven/org.opentest4j/opentest4j@1.2.0 /l/opentest4j-1.2.0.jar " + sha1(opentest));
        assertThat(analyze("/l/objenesis-3.3.jar", objenesis).packages)
                .containsExactly("pkg:maven/org.objenesis/objenesis@3.3 /l/objenesis-3.3.jar " + sha1(objenesis));
    }

    @Test
    void fileNameWhenNothingElse() throws IOException {
        byte[] aop = real("aopalliance-1.0.jar");
        byte[] inject = real("javax.inject-1.jar");
        RecordingSink a = analyze("/l/aopalliance-1.0.jar", aop);
        RecordingSink i = analyze("/l/javax.inject-1.jar", inject);
        assertThat(a.packages).containsExactly("maven-no-group:aopalliance@1.0 /l/aopalliance-1.0.jar " + sha1(aop));
        assertThat(i.packages).containsExactly("maven-no-group:javax.inject@1 /l/javax.inject-1.jar " + sha1(inject));
        assertThat(a.warnings).isEmpty();
        assertThat(i.warnings).isEmpty();
        // renamed, no version anywhere: nothing
        assertThat(analyze("/l/inject.jar", inject).packages).isEmpty();
    }

    @Test
    void springBootFatJar() throws IOException {
        byte[] jopt = real("jopt-simple-5.0.4.jar");
        byte[] surefire = real("surefire-api-2.12.4.jar");
        byte[] objenesis = real("objenesis-3.3.jar");
        byte[] inject = real("javax.inject-1.jar");
        byte[] fat = zip()
                .add("META-INF/MANIFEST.MF", MANIFEST + "Main-Class: org.springframework.boot.loader.JarLauncher\r\n"
                        + "Start-Class: com.example.demo.DemoApplication\r\nSpring-Boot-Version: 3.2.0\r\n"
                        + "Implementation-Title: demo\r\nImplementation-Version: 0.0.1-SNAPSHOT\r\n\r\n")
                .dir("org/springframework/boot/loader/")
                .add("org/springframework/boot/loader/JarLauncher.class", new byte[] {(byte) 0xca, (byte) 0xfe})
                .add("BOOT-INF/classes/com/example/demo/DemoApplication.class", new byte[] {1, 2, 3})
                .add("BOOT-INF/classes/application.properties", "server.port=8080\n")
                .stored("BOOT-INF/lib/jopt-simple-5.0.4.jar", jopt)
                .stored("BOOT-INF/lib/surefire-api-2.12.4.jar", surefire)
                .add("BOOT-INF/lib/objenesis-3.3.jar", objenesis)
                .stored("BOOT-INF/lib/javax.inject-1.jar", inject)
                .add("BOOT-INF/classpath.idx", "- \"BOOT-INF/lib/jopt-simple-5.0.4.jar\"\n")
                .build();
        RecordingSink sink = analyze("/app/app.jar", fat);
        String lib = "/app/app.jar!/BOOT-INF/lib/";
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.packages).containsExactlyInAnyOrder(
                "maven-no-group:demo@0.0.1-SNAPSHOT /app/app.jar " + sha1(fat),
                "pkg:maven/net.sf.jopt-simple/jopt-simple@5.0.4 " + lib + "jopt-simple-5.0.4.jar " + sha1(jopt),
                "pkg:maven/org.apache.maven.surefire/surefire-api@2.12.4 " + lib + "surefire-api-2.12.4.jar "
                        + sha1(surefire),
                "pkg:maven/org.codehaus.plexus/plexus-utils@3.0.8 " + lib + "surefire-api-2.12.4.jar " + sha1(surefire),
                "pkg:maven/org.objenesis/objenesis@3.3 " + lib + "objenesis-3.3.jar " + sha1(objenesis),
                "maven-no-group:javax.inject@1 " + lib + "javax.inject-1.jar " + sha1(inject));
    }

    @Test
    void fatJarWithoutVersionNamesNoApp() throws IOException {
        byte[] jopt = real("jopt-simple-5.0.4.jar");
        byte[] fat = zip()
                .add("META-INF/MANIFEST.MF", MANIFEST + "Spring-Boot-Version: 3.2.0\r\nStart-Class: a.B\r\n")
                .stored("BOOT-INF/lib/jopt-simple-5.0.4.jar", jopt)
                .build();
        assertThat(analyze("/app/app.jar", fat).packages).containsExactly(
                "pkg:maven/net.sf.jopt-simple/jopt-simple@5.0.4 /app/app.jar!/BOOT-INF/lib/jopt-simple-5.0.4.jar "
                        + sha1(jopt));
    }

    @Test
    void warWithLibsAndNoPhantomFromPomXml() throws IOException {
        byte[] aop = real("aopalliance-1.0.jar");
        byte[] opentest = real("opentest4j-1.2.0.jar");
        byte[] war = zip()
                .add("META-INF/MANIFEST.MF", MANIFEST)
                .add("WEB-INF/web.xml", "<web-app/>")
                .add("WEB-INF/lib/aopalliance-1.0.jar", aop)
                .add("WEB-INF/lib/opentest4j-1.2.0.jar", opentest)
                .add("META-INF/maven/com.example/shop/pom.xml", "<project/>")
                .add("META-INF/maven/com.example/shop/pom.properties",
                        "groupId=com.example\nartifactId=shop\nversion=1.4\n")
                .add("META-INF/maven/org.phantom/ghost/pom.xml", "<project><artifactId>ghost</artifactId></project>")
                .build();
        RecordingSink sink = analyze("/usr/local/tomcat/webapps/shop.war", war);
        String lib = "/usr/local/tomcat/webapps/shop.war!/WEB-INF/lib/";
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.packages).containsExactlyInAnyOrder(
                "pkg:maven/com.example/shop@1.4 /usr/local/tomcat/webapps/shop.war " + sha1(war),
                "maven-no-group:aopalliance@1.0 " + lib + "aopalliance-1.0.jar " + sha1(aop),
                "pkg:maven/org.opentest4j/opentest4j@1.2.0 " + lib + "opentest4j-1.2.0.jar " + sha1(opentest));
    }

    @Test
    void log4jCoreFromLocalRepository() throws IOException {
        Path jar = Path.of(System.getProperty("user.home"),
                ".m2/repository/org/apache/logging/log4j/log4j-core/2.14.1/log4j-core-2.14.1.jar");
        Path sha1File = jar.resolveSibling("log4j-core-2.14.1.jar.sha1");
        Assumptions.assumeTrue(Files.isRegularFile(jar) && Files.isRegularFile(sha1File), "log4j-core not in ~/.m2");
        String central = Files.readString(sha1File).strip().split("\\s+")[0];
        RecordingSink sink = new RecordingSink();
        try (InputStream in = Files.newInputStream(jar)) {
            analyzer.analyze("/app/lib/log4j-core-2.14.1.jar", in, sink);
        }
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.packages).containsExactly(
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1 /app/lib/log4j-core-2.14.1.jar " + central);
    }

    @Test
    void garbageNamedJar() throws IOException {
        RecordingSink sink = analyze("/tmp/x.jar", "this is not a zip at all".getBytes());
        assertThat(sink.packages).isEmpty();
        assertThat(sink.warnings).containsExactly("/tmp/x.jar: not a ZIP archive");
        assertThat(analyze("/tmp/empty.jar", new byte[0]).warnings).containsExactly("/tmp/empty.jar: not a ZIP archive");
    }

    @Test
    void garbageNestedJarSkipsOnlyThatEntry() throws IOException {
        byte[] jopt = real("jopt-simple-5.0.4.jar");
        byte[] outer = zip()
                .add("lib/x.jar", new byte[] {'P', 'K', 3, 4, 9, 9, 9})
                .add("lib/y.jar", "garbage".getBytes())
                .stored("lib/jopt-simple-5.0.4.jar", jopt)
                .add("META-INF/maven/g/outer/pom.properties", "groupId=g\nartifactId=outer\nversion=1\n")
                .build();
        RecordingSink sink = analyze("/app/outer.jar", outer);
        assertThat(sink.warnings).hasSize(2);
        assertThat(sink.warnings.get(0)).isEqualTo(
                "/app/outer.jar!/lib/x.jar: truncated ZIP archive: no end of central directory record");
        assertThat(sink.warnings.get(1)).isEqualTo("/app/outer.jar!/lib/y.jar: not a ZIP archive");
        assertThat(sink.packages).containsExactlyInAnyOrder(
                "pkg:maven/net.sf.jopt-simple/jopt-simple@5.0.4 /app/outer.jar!/lib/jopt-simple-5.0.4.jar " + sha1(jopt),
                "pkg:maven/g/outer@1 /app/outer.jar " + sha1(outer));
    }

    @Test
    void truncatedJarWarnsAndReportsOnlyCertainCoordinates() throws IOException {
        byte[] jar = real("jopt-simple-5.0.4.jar");
        // this jar has META-INF/maven first: its pom.properties is read before the break, without SHA-1
        RecordingSink sink = analyze("/app/lib/jopt-simple-5.0.4.jar", Arrays.copyOf(jar, jar.length / 2));
        assertThat(sink.packages).containsExactly(
                "pkg:maven/net.sf.jopt-simple/jopt-simple@5.0.4 /app/lib/jopt-simple-5.0.4.jar null");
        // objenesis has a manifest only: nothing is certain before the end
        byte[] objenesis = real("objenesis-3.3.jar");
        RecordingSink cut = analyze("/app/lib/objenesis-3.3.jar", Arrays.copyOf(objenesis, objenesis.length / 2));
        assertThat(cut.packages).isEmpty();
        assertThat(cut.warnings).hasSize(1).allMatch(w -> w.startsWith("/app/lib/objenesis-3.3.jar: "));
        assertThat(sink.warnings).hasSize(1);
        assertThat(sink.warnings.get(0)).startsWith("/app/lib/jopt-simple-5.0.4.jar: ");
    }

    @Test
    void truncatedFatJarKeepsFinishedNestedJarsAndCertainCoordinates() throws IOException {
        byte[] jopt = real("jopt-simple-5.0.4.jar");
        byte[] fat = zip()
                .add("META-INF/MANIFEST.MF", MANIFEST + "Implementation-Version: 9\r\n")
                .add("META-INF/maven/com.example/app/pom.properties", "groupId=com.example\nartifactId=app\nversion=2\n")
                .stored("BOOT-INF/lib/jopt-simple-5.0.4.jar", jopt)
                .add("BOOT-INF/classes/big.bin", new byte[50_000])
                .build();
        // cut off the central directory and the end of the last entry
        byte[] cut = Arrays.copyOf(fat, fat.length - 300);
        RecordingSink sink = analyze("/app/app-2.jar", cut);
        assertThat(sink.warnings).hasSize(1);
        assertThat(sink.warnings.get(0)).startsWith("/app/app-2.jar: ");
        assertThat(sink.packages).containsExactlyInAnyOrder(
                "pkg:maven/net.sf.jopt-simple/jopt-simple@5.0.4 /app/app-2.jar!/BOOT-INF/lib/jopt-simple-5.0.4.jar "
                        + sha1(jopt),
                "pkg:maven/com.example/app@2 /app/app-2.jar null");
    }

    @Test
    void missingCentralDirectoryIsTruncation() throws IOException {
        byte[] jar = zip().add("META-INF/maven/g/a/pom.properties", "groupId=g\nartifactId=a\nversion=1\n")
                .add("z.txt", "z").build();
        // keep the local entries only: cut at the first central directory header
        int cd = indexOf(jar, new byte[] {'P', 'K', 1, 2});
        RecordingSink sink = analyze("/a-1.jar", Arrays.copyOf(jar, cd));
        assertThat(sink.warnings).containsExactly("/a-1.jar: broken ZIP archive: unexpected end of data");
        assertThat(sink.packages).containsExactly("pkg:maven/g/a@1 /a-1.jar null");
    }

    @Test
    void zipBombNestedEntryIsSkipped() throws IOException {
        byte[] bomb = zip().stored("zeros.bin", new byte[8 << 20]).build();
        byte[] jopt = real("jopt-simple-5.0.4.jar");
        byte[] outer = zip()
                .add("lib/bomb.jar", bomb)
                .stored("lib/jopt-simple-5.0.4.jar", jopt)
                .build();
        RecordingSink sink = analyze("/app/x.jar", outer);
        assertThat(sink.warnings).containsExactly(
                "/app/x.jar!/lib/bomb.jar: compression ratio above 100 (possible zip bomb); archive skipped");
        assertThat(sink.packages).containsExactly(
                "pkg:maven/net.sf.jopt-simple/jopt-simple@5.0.4 /app/x.jar!/lib/jopt-simple-5.0.4.jar " + sha1(jopt));
    }

    @Test
    void zipBombAtTheOuterLevelSkipsTheOuterArchiveWhenStreamed() throws IOException {
        byte[] jopt = real("jopt-simple-5.0.4.jar");
        byte[] outer = zip()
                .stored("lib/jopt-simple-5.0.4.jar", jopt)
                .add("data/zeros.bin", new byte[8 << 20]) // deflated with a data descriptor: must be inflated to skip
                .add("META-INF/maven/g/outer/pom.properties", "groupId=g\nartifactId=outer\nversion=1\n")
                .build();
        // as an archive too large to open in memory is: streamed (maxBuffered 0)
        RecordingSink sink = analyze(new JavaArchiveAnalyzer(ArchiveLimits.DEFAULTS, 0), "/app/outer.jar", outer);
        assertThat(sink.warnings).containsExactly(
                "/app/outer.jar: compression ratio above 100 (possible zip bomb); archive skipped");
        assertThat(sink.packages).containsExactly(
                "pkg:maven/net.sf.jopt-simple/jopt-simple@5.0.4 /app/outer.jar!/lib/jopt-simple-5.0.4.jar " + sha1(jopt));
    }

    @Test
    void aHighlyCompressedEntryOfNoInterestIsNotInflatedWhenTheArchiveIsOpenedInMemory() throws IOException {
        byte[] jopt = real("jopt-simple-5.0.4.jar");
        byte[] outer = zip()
                .stored("lib/jopt-simple-5.0.4.jar", jopt)
                .add("data/zeros.bin", new byte[8 << 20])
                .add("META-INF/maven/g/outer/pom.properties", "groupId=g\nartifactId=outer\nversion=1\n")
                .build();
        RecordingSink sink = analyze("/app/outer.jar", outer);
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.packages).containsExactlyInAnyOrder(
                "pkg:maven/g/outer@1 /app/outer.jar " + sha1(outer),
                "pkg:maven/net.sf.jopt-simple/jopt-simple@5.0.4 /app/outer.jar!/lib/jopt-simple-5.0.4.jar " + sha1(jopt));
    }

    @Test
    void fullyExecutableJarWithLaunchScript() throws IOException {
        byte[] jopt = real("jopt-simple-5.0.4.jar");
        byte[] jar = zip()
                .add("META-INF/MANIFEST.MF", MANIFEST + "Spring-Boot-Version: 2.7.0\r\n")
                .stored("BOOT-INF/lib/jopt-simple-5.0.4.jar", jopt)
                .build();
        byte[] script = ("#!/bin/bash\n# launch script\n" + "#".repeat(12_000) + "\nexit 0\n").getBytes();
        byte[] file = new byte[script.length + jar.length];
        System.arraycopy(script, 0, file, 0, script.length);
        System.arraycopy(jar, 0, file, script.length, jar.length);
        RecordingSink sink = analyze("/app/app.jar", file);
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.packages).containsExactly(
                "pkg:maven/net.sf.jopt-simple/jopt-simple@5.0.4 /app/app.jar!/BOOT-INF/lib/jopt-simple-5.0.4.jar "
                        + sha1(jopt));
        assertThat(analyze("/app/script.jar", script).warnings).containsExactly("/app/script.jar: not a ZIP archive");
    }

    @Test
    void emptyArchive() throws IOException {
        byte[] empty = zip().build();
        RecordingSink sink = analyze("/app/lib/empty-1.0.jar", empty);
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.packages).containsExactly("maven-no-group:empty@1.0 /app/lib/empty-1.0.jar " + sha1(empty));
    }

    @Test
    void totalBytesLimit() throws IOException {
        byte[] inject = real("javax.inject-1.jar");
        byte[] jopt = real("jopt-simple-5.0.4.jar");
        byte[] outer = zip().stored("lib/javax.inject-1.jar", inject).stored("lib/jopt-simple-5.0.4.jar", jopt).build();
        JavaArchiveAnalyzer small = new JavaArchiveAnalyzer(new ArchiveLimits(4, 60_000, 100, 1 << 20, 1000));
        RecordingSink sink = analyze(small, "/app/x.jar", outer);
        assertThat(sink.warnings).containsExactly(
                "/app/x.jar!/lib/jopt-simple-5.0.4.jar: more than 60000 bytes uncompressed; archive skipped");
        assertThat(sink.packages).containsExactly(
                "maven-no-group:javax.inject@1 /app/x.jar!/lib/javax.inject-1.jar " + sha1(inject));
    }

    @Test
    void entryLimit() throws IOException {
        TestJars.Zip z = zip();
        for (int i = 0; i < 50; i++) {
            z.add("f" + i + ".txt", "x");
        }
        JavaArchiveAnalyzer small = new JavaArchiveAnalyzer(new ArchiveLimits(4, 1 << 30, 100, 1 << 20, 10));
        RecordingSink sink = analyze(small, "/a-1.jar", z.build());
        assertThat(sink.warnings).containsExactly("/a-1.jar: more than 10 entries; archive skipped");
        assertThat(sink.packages).isEmpty();
    }

    @Test
    void nestingDeeperThanLimit() throws IOException {
        byte[] jar = zip().add("META-INF/maven/g/n6/pom.properties", "groupId=g\nartifactId=n6\nversion=1\n").build();
        for (int level = 5; level >= 0; level--) {
            jar = zip().add("META-INF/maven/g/n" + level + "/pom.properties",
                            "groupId=g\nartifactId=n" + level + "\nversion=1\n")
                    .add("n" + (level + 1) + ".jar", jar).build();
        }
        RecordingSink sink = analyze("/app/n0.jar", jar);
        String deep = "/app/n0.jar!/n1.jar!/n2.jar!/n3.jar!/n4.jar!/n5.jar";
        assertThat(sink.warnings).containsExactly(deep + ": nested deeper than 4; archive skipped");
        assertThat(sink.packages).extracting(s -> s.substring(0, s.indexOf(' '))).containsExactlyInAnyOrder(
                "pkg:maven/g/n0@1", "pkg:maven/g/n1@1", "pkg:maven/g/n2@1", "pkg:maven/g/n3@1", "pkg:maven/g/n4@1");
    }

    @Test
    void incompletePomPropertiesIsAWarningNotAPackage() throws IOException {
        byte[] jar = zip().add("META-INF/maven/g/a/pom.properties", "groupId=g\nversion=1\n").build();
        RecordingSink sink = analyze("/x/a-2.jar", jar);
        assertThat(sink.warnings).containsExactly(
                "/x/a-2.jar!/META-INF/maven/g/a/pom.properties: pom.properties lacks artifactId");
        assertThat(sink.packages).containsExactly("maven-no-group:a@2 /x/a-2.jar " + sha1(jar));
    }

    @Test
    void failingSinkPropagates() {
        byte[] jar = real("jopt-simple-5.0.4.jar");
        var throwing = new RecordingSink() {
            @Override
            public void foundPackage(dev.strata.scanner.packages.DetectedPackage pkg, String sha1) {
                throw new IllegalStateException("sink full");
            }
        };
        assertThatThrownBy(() -> analyzer.analyze("/a/jopt-simple-5.0.4.jar", new ByteArrayInputStream(jar), throwing))
                .isInstanceOf(IllegalStateException.class).hasMessage("sink full");
    }

    @Test
    void failingSourceStreamPropagates() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        assertThatThrownBy(() -> analyzer.analyze("/a.jar", failing, new RecordingSink()))
                .isInstanceOf(IOException.class).hasMessage("disk gone");
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
