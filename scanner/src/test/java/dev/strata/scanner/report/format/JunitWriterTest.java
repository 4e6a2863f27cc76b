package dev.strata.scanner.report.format;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JunitWriterTest {

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    @Test
    void oneTestCasePerPackageFailingAtOrAboveTheThreshold() throws Exception {
        Document doc = parse(new JunitWriter().toXml(FormatFixtures.report()));
        Element suite = elements(doc, "testsuite").get(0);
        assertThat(suite.getAttribute("name")).isEqualTo("strata scan " + FormatFixtures.IMAGE);
        assertThat(suite.getAttribute("tests")).isEqualTo("6");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        List<Element> cases = elements(doc, "testcase");
        assertThat(cases).extracting(c -> c.getAttribute("name")).containsExactly(
                FormatFixturesNames.LIBC, FormatFixturesNames.LIBSSL, FormatFixturesNames.ZLIB, FormatFixturesNames.BASH,
                FormatFixturesNames.LOG4J, FormatFixturesNames.JACKSON);
        assertThat(cases).allSatisfy(c -> assertThat(c.getAttribute("classname")).isEqualTo(FormatFixtures.IMAGE));
        Element libc = cases.get(0);
        Element failure = (Element) libc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("1 vulnerability at or above HIGH: CVE-2023-4911");
        assertThat(failure.getTextContent()).contains("HIGH CVE-2023-4911 libc6 2.36-9+deb12u3 fixed in 2.36-9+deb12u4");
        assertThat(libc.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("UNKNOWN CVE-2025-0395 libc6 2.36-9+deb12u3 (unfixed)");
        // MEDIUM and LOW only: passes, listed in system-out
        assertThat(cases.get(1).getElementsByTagName("failure").getLength()).isZero();
        assertThat(cases.get(1).getElementsByTagName("system-out").item(0).getTextContent())
                .contains("MEDIUM CVE-2024-0727").contains("LOW CVE-2024-2511");
        // CRITICAL but suppressed: passes, and says why
        assertThat(cases.get(2).getElementsByTagName("failure").getLength()).isZero();
        assertThat(cases.get(2).getElementsByTagName("system-out").item(0).getTextContent())
                .contains("[suppressed by .strataignore.yaml:3: MiniZip is not built into Debian's zlib1g]");
        assertThat(cases.get(3).getChildNodes().getLength()).isZero();
        assertThat(cases.get(4).getElementsByTagName("failure").getLength()).isZero();
        assertThat(cases.get(5).getElementsByTagName("failure").getLength()).isEqualTo(1);
        List<Element> properties = elements(doc, "property");
        assertThat(properties).extracting(p -> p.getAttribute("name") + "=" + p.getAttribute("value")).contains(
                "failOn=HIGH", "verdict=FAIL: 2 HIGH at or above HIGH (3 below high, 2 suppressed, 1 expired ignore entry)");
    }

    /** The test case names: purl and path. */
    private static final class FormatFixturesNames {
        static final String LIBC = dev.strata.scanner.gate.GateFixtures.LIBC + " /var/lib/dpkg/status";
        static final String LIBSSL = dev.strata.scanner.gate.GateFixtures.LIBSSL + " /var/lib/dpkg/status";
        static final String ZLIB = dev.strata.scanner.gate.GateFixtures.ZLIB + " /var/lib/dpkg/status";
        static final String BASH = "pkg:deb/debian/bash@5.2.15-2+b2?arch=amd64&distro=debian-12 /var/lib/dpkg/status";
        static final String LOG4J = dev.strata.scanner.gate.GateFixtures.LOG4J + " /app/lib/log4j-core-2.14.1.jar";
        static final String JACKSON = dev.strata.scanner.gate.GateFixtures.JACKSON
                + " /app/lib/jackson-databind-2.10.0.jar";
    }
}
