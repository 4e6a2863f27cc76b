package dev.strata.app.vulndb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Benchmark corpus (not a test): writes synthetic-but-realistic OSV records as osv.dev lays them out,
 * {@code <out>/<Ecosystem>/all.zip} with one {@code <ID>.json} per record, shaped like GHSA records (aliases, summary,
 * a paragraph of details, CVSS v3 vector, 1–3 affected entries with ECOSYSTEM ranges, references,
 * database_specific). Packages come from a fixed pool per ecosystem ({@link #packageName}), so the matching
 * benchmark can build an image from the same names. Deterministic for a seed.
 *
 * <p>Usage: {@code OsvBenchCorpus OUT_DIR RECORDS}
 */
public final class OsvBenchCorpus {
    static final List<String> ECOSYSTEMS = List.of("Maven", "npm", "PyPI", "Go");
    static final int PACKAGES_PER_ECOSYSTEM = 20_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] WORDS = ("the a an of in to when via allows attacker remote local crafted input "
            + "request header parser buffer overflow denial service memory corruption prototype pollution regular "
            + "expression injection command path traversal deserialization untrusted data cross site scripting "
            + "authentication bypass certificate validation timing leak sensitive information exposure version "
            + "prior fixed upgrade library function method argument file archive zip symlink redirect cookie token "
            + "session server client proxy handler module package release patch issue vulnerability affected users "
            + "should recommended workaround configuration default option disabled enabled")
            .split(" ");
    private static final String[] CVSS = {
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
            "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N",
            "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:L"};
    private static final String[] WORD_SEVERITY = {"CRITICAL", "HIGH", "MODERATE", "MODERATE", "LOW", "MODERATE"};

    private OsvBenchCorpus() {
    }

    /** The name of package {@code n} of {@code ecosystem}, as OSV writes it. */
    static String packageName(String ecosystem, int n) {
        return switch (ecosystem) {
            case "Maven" -> "org.example" + (n % 700) + ".group:artifact-" + n;
            case "npm" -> (n % 5 == 0 ? "@scope" + (n % 300) + "/" : "") + "package-" + n;
            case "PyPI" -> "py-package-" + n;
            default -> "github.com/org" + (n % 400) + "/module" + n;
        };
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int records = Integer.parseInt(args[1]);
        Random random = new Random(42);
        long total = 0;
        for (int e = 0; e < ECOSYSTEMS.size(); e++) {
            String ecosystem = ECOSYSTEMS.get(e);
            int count = records / ECOSYSTEMS.size() + (e < records % ECOSYSTEMS.size() ? 1 : 0);
            Path zip = Files.createDirectories(out.resolve(ecosystem)).resolve("all.zip");
            try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
                for (int i = 0; i < count; i++) {
                    ObjectNode record = record(ecosystem, e, i, random);
                    z.putNextEntry(new ZipEntry(record.get("id").asText() + ".json"));
                    write(z, MAPPER.writeValueAsBytes(record)); // osv.dev exports compact JSON
                    z.closeEntry();
                }
            }
            total += Files.size(zip);
            System.out.printf("%s: %d records, %.1f MB%n", zip, count, Files.size(zip) / 1e6);
        }
        System.out.printf("total %.1f MB%n", total / 1e6);
    }

    private static void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
    }

    private static ObjectNode record(String ecosystem, int e, int i, Random r) {
        ObjectNode o = MAPPER.createObjectNode();
        String id = "GHSA-" + chunk(r) + "-" + chunk(r) + "-" + chunk(r) + "-" + e + i;
        int year = 2015 + r.nextInt(11);
        Instant published = Instant.parse(year + "-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10) + "T12:00:00Z");
        o.put("schema_version", "1.4.0").put("id", id).put("modified", published.plusSeconds(86_400L * r.nextInt(900)).toString())
                .put("published", published.toString());
        o.putArray("aliases").add("CVE-" + year + "-" + (1000 + r.nextInt(60_000)));
        o.put("summary", sentence(r, 6 + r.nextInt(6)));
        o.put("details", sentence(r, 25 + r.nextInt(60)) + "\n\n" + sentence(r, 10 + r.nextInt(30)));
        int sev = r.nextInt(CVSS.length);
        o.putArray("severity").addObject().put("type", "CVSS_V3").put("score", CVSS[sev]);
        ArrayNode affected = o.putArray("affected");
        int entries = 1 + (r.nextInt(10) < 7 ? 0 : 1 + r.nextInt(2));
        int pkg = r.nextInt(PACKAGES_PER_ECOSYSTEM);
        for (int a = 0; a < entries; a++) {
            ObjectNode entry = affected.addObject();
            entry.putObject("package").put("ecosystem", ecosystem)
                    .put("name", packageName(ecosystem, a == 0 ? pkg : r.nextInt(PACKAGES_PER_ECOSYSTEM)));
            ArrayNode ranges = entry.putArray("ranges");
            int major = r.nextInt(6);
            int minor = r.nextInt(20);
            ObjectNode range = ranges.addObject().put("type", "ECOSYSTEM");
            ArrayNode events = range.putArray("events");
            events.addObject().put("introduced", r.nextBoolean() ? "0" : version(ecosystem, major, minor, 0));
            events.addObject().put("fixed", version(ecosystem, major, minor + 1 + r.nextInt(5), r.nextInt(10)));
            entry.putObject("database_specific").put("last_known_affected_version_range",
                    "< " + version(ecosystem, major, minor + 1, 0));
        }
        ArrayNode refs = o.putArray("references");
        refs.addObject().put("type", "ADVISORY").put("url", "https://nvd.nist.gov/vuln/detail/" + o.get("aliases").get(0).asText());
        for (int k = 0; k < 1 + r.nextInt(3); k++) {
            refs.addObject().put("type", "WEB").put("url", "https://github.com/example/project" + pkg + "/commit/"
                    + Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong()));
        }
        refs.addObject().put("type", "PACKAGE").put("url", "https://github.com/example/project" + pkg);
        ObjectNode db = o.putObject("database_specific");
        db.putArray("cwe_ids").add("CWE-" + (20 + r.nextInt(1300)));
        db.put("severity", WORD_SEVERITY[sev]).put("github_reviewed", true)
                .put("github_reviewed_at", published.toString()).put("nvd_published_at", published.toString());
        return o;
    }

    static String version(String ecosystem, int major, int minor, int patch) {
        String v = major + "." + minor + "." + patch;
        return ecosystem.equals("Go") ? "v" + v : v;
    }

    private static String chunk(Random r) {
        String alphabet = "23456789cfghjmpqrvwx";
        StringBuilder b = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String sentence(Random r, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        String s = b.append('.').toString();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
