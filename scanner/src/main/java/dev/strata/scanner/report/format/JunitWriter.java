package dev.strata.scanner.report.format;

import dev.strata.scanner.gate.AssessedFinding;
import dev.strata.scanner.gate.GateResult;
import dev.strata.scanner.gate.PurlMatch;
import dev.strata.scanner.report.PackageSummary;
import dev.strata.scanner.vuln.match.Finding;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the gate as JUnit XML, the report format every CI shows: one {@code testsuite} for the image, one
 * {@code testcase} per package (named by purl, with the package's path), a {@code failure} listing the package's
 * findings at or above the threshold, and the other findings (below it, or suppressed and why) in
 * {@code system-out}. Packages with findings that are not in the package list get a test case too.
 */
public final class JunitWriter {

    /** The JUnit XML document. */
    public String toXml(FindingsReport report) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            write(xml, report);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return text.toString();
    }

    private record Case(String name, String path, List<AssessedFinding> findings) {
    }

    private static void write(XMLStreamWriter xml, FindingsReport report) throws XMLStreamException {
        GateResult gate = report.gate();
        List<Case> cases = cases(report);
        long failures = cases.stream().filter(c -> c.findings().stream().anyMatch(gate::failing)).count();
        String suite = "strata scan " + report.imageReference();
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "strata");
        xml.writeAttribute("tests", Integer.toString(cases.size()));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite);
        xml.writeAttribute("tests", Integer.toString(cases.size()));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "image", report.imageReference());
        if (report.imageDigest() != null) {
            property(xml, "imageDigest", report.imageDigest());
        }
        if (gate.policy().failOn() != null) {
            property(xml, "failOn", gate.policy().failOn().name());
        }
        property(xml, "verdict", gate.verdict().line());
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
        for (Case c : cases) {
            testCase(xml, c, report.imageReference(), gate);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private static List<Case> cases(FindingsReport report) {
        Map<String, Case> byKey = new LinkedHashMap<>();
        for (PackageSummary p : report.packages()) {
            String path = p.paths().isEmpty() ? null : p.paths().get(0);
            byKey.putIfAbsent(PurlMatch.canonical(p.purl()) + "|" + path, new Case(p.purl(), path, new ArrayList<>()));
        }
        for (AssessedFinding a : report.gate().findings()) {
            Finding f = a.finding();
            String purl = PurlMatch.canonical(f.packagePurl());
            Case c = byKey.get(purl + "|" + f.path());
            if (c == null) {
                c = byKey.entrySet().stream().filter(e -> e.getKey().startsWith(purl + "|"))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
            if (c == null) {
                c = new Case(f.packagePurl(), f.path(), new ArrayList<>());
                byKey.put(purl + "|" + f.path(), c);
            }
            c.findings().add(a);
        }
        return List.copyOf(byKey.values());
    }

    private static void testCase(XMLStreamWriter xml, Case c, String image, GateResult gate)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", image);
        xml.writeAttribute("name", c.path() == null ? c.name() : c.name() + " " + c.path());
        xml.writeAttribute("time", "0");
        List<AssessedFinding> failing = c.findings().stream().filter(gate::failing).toList();
        List<AssessedFinding> other = c.findings().stream().filter(a -> !gate.failing(a)).toList();
        if (!failing.isEmpty()) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("failure");
            xml.writeAttribute("type", "vulnerability");
            xml.writeAttribute("message", failing.size() + (failing.size() == 1 ? " vulnerability" : " vulnerabilities")
                    + " at or above " + gate.policy().failOn().name() + ": "
                    + String.join(", ", failing.stream().map(a -> a.finding().id()).toList()));
            xml.writeCharacters(lines(failing));
            xml.writeEndElement();
        }
        if (!other.isEmpty()) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(lines(other));
            xml.writeEndElement();
        }
        if (!failing.isEmpty() || !other.isEmpty()) {
            xml.writeCharacters("\n    ");
        }
        xml.writeEndElement();
    }

    private static String lines(List<AssessedFinding> findings) {
        StringBuilder out = new StringBuilder();
        for (AssessedFinding a : findings) {
            Finding f = a.finding();
            out.append(f.severity().name()).append(' ').append(f.id()).append(' ').append(f.packageName()).append(' ')
                    .append(f.installedVersion());
            out.append(f.fixedVersion() != null ? " fixed in " + f.fixedVersion()
                    : " (" + f.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ")");
            if (f.title() != null) {
                out.append(": ").append(f.title());
            }
            if (a.suppressedBy() != null) {
                out.append(" [suppressed by ").append(a.suppressedBy().source()).append(": ")
                        .append(a.suppressedBy().reason()).append(']');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }
}
