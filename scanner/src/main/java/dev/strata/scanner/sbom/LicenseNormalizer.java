package dev.strata.scanner.sbom;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides whether a declared license string is a valid SPDX license id or expression, and maps common
 * non-SPDX spellings to SPDX only where the meaning is unambiguous: Debian DEP-5 short names ({@code GPL-2+},
 * {@code LGPL-2.1}, {@code Expat}), deprecated GNU ids ({@code GPL-2.0+}), and a few long names ({@code Apache
 * License, Version 2.0}, {@code MIT License}). Ambiguous names ({@code BSD}, {@code Artistic}, {@code GPL}) stay
 * names.
 */
public final class LicenseNormalizer {

    private static final String PYPI_CLASSIFIER = "license :: osi approved :: ";
    private static final Pattern TERM = Pattern.compile("[A-Za-z0-9.-]+\\+?");
    /** DEP-5 GNU short names and deprecated SPDX GNU ids: family, version, optional '+' (or later). */
    private static final Pattern GNU = Pattern.compile("(?i)(GPL|LGPL|AGPL|GFDL)-(\\d+)(\\.\\d+)?(\\+)?");

    /** Long names, lower case with single spaces, each naming exactly one SPDX license. */
    private static final Map<String, String> PHRASES = Map.ofEntries(
            Map.entry("apache 2", "Apache-2.0"),
            Map.entry("apache 2.0", "Apache-2.0"),
            Map.entry("apache license 2.0", "Apache-2.0"),
            Map.entry("apache license, version 2.0", "Apache-2.0"),
            Map.entry("apache license version 2.0", "Apache-2.0"),
            Map.entry("the apache license, version 2.0", "Apache-2.0"),
            Map.entry("apache software license, version 2.0", "Apache-2.0"),
            Map.entry("the apache software license, version 2.0", "Apache-2.0"),
            Map.entry("asl 2.0", "Apache-2.0"),
            Map.entry("mit license", "MIT"),
            Map.entry("the mit license", "MIT"),
            Map.entry("the mit license (mit)", "MIT"),
            Map.entry("isc license", "ISC"),
            Map.entry("bsd 2-clause", "BSD-2-Clause"),
            Map.entry("bsd 3-clause", "BSD-3-Clause"),
            Map.entry("the bsd 3-clause license", "BSD-3-Clause"),
            Map.entry("new bsd license", "BSD-3-Clause"),
            Map.entry("mozilla public license 2.0", "MPL-2.0"),
            Map.entry("mozilla public license 2.0 (mpl 2.0)", "MPL-2.0"),
            Map.entry("eclipse public license 2.0", "EPL-2.0"),
            Map.entry("eclipse public license - v 2.0", "EPL-2.0"),
            Map.entry("eclipse public license - v 1.0", "EPL-1.0"),
            Map.entry("the unlicense", "Unlicense"),
            Map.entry("cc0 1.0 universal", "CC0-1.0"));

    /** Single-word non-SPDX names, lower case, with one meaning. */
    private static final Map<String, String> WORDS = Map.of(
            "expat", "MIT",
            "apache-2", "Apache-2.0",
            "apache2", "Apache-2.0");

    private LicenseNormalizer() {
    }

    /** The declared string with the SPDX expression it stands for, if any. */
    public static DeclaredLicense resolve(String declared) {
        String text = declared.strip().replaceAll("\\s+", " ");
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith(PYPI_CLASSIFIER)) {
            lower = lower.substring(PYPI_CLASSIFIER.length());
            text = text.substring(PYPI_CLASSIFIER.length());
        }
        String phrase = PHRASES.get(lower);
        if (phrase != null) {
            return new DeclaredLicense(declared, phrase);
        }
        Optional<String> expression = SpdxExpressionParser.normalize(text,
                LicenseNormalizer::licenseTerm, LicenseNormalizer::exceptionTerm);
        return new DeclaredLicense(declared, expression.orElse(null));
    }

    /**
     * The conjunction of SPDX expressions, each once, in first-seen order: {@code MIT AND (GPL-2.0-only OR
     * BSD-3-Clause)}; null for none.
     */
    public static String conjunction(List<String> expressions) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(expressions));
        if (distinct.isEmpty()) {
            return null;
        }
        if (distinct.size() == 1) {
            return distinct.get(0);
        }
        return distinct.stream().map(e -> e.contains(" ") ? "(" + e + ")" : e).collect(Collectors.joining(" AND "));
    }

    /** The SPDX form of one simple term, or empty when it names no SPDX license unambiguously. */
    static Optional<String> licenseTerm(String term) {
        if (!TERM.matcher(term).matches()) {
            return Optional.empty();
        }
        Matcher gnu = GNU.matcher(term);
        if (gnu.matches()) {
            return gnuTerm(gnu);
        }
        Optional<String> listed = SpdxLicenseList.canonical(term);
        if (listed.isPresent()) {
            return listed;
        }
        String word = WORDS.get(term.toLowerCase(Locale.ROOT));
        if (word != null) {
            return Optional.of(word);
        }
        if (term.endsWith("+")) {
            return SpdxLicenseList.canonical(term.substring(0, term.length() - 1)).map(id -> id + "+");
        }
        return Optional.empty();
    }

    /** {@code GPL-2+} → {@code GPL-2.0-or-later}, {@code LGPL-2.1} → {@code LGPL-2.1-only}. */
    private static Optional<String> gnuTerm(Matcher gnu) {
        String family = gnu.group(1).toUpperCase(Locale.ROOT);
        String version = gnu.group(2) + (gnu.group(3) != null ? gnu.group(3) : ".0");
        String suffix = gnu.group(4) != null ? "-or-later" : "-only";
        return SpdxLicenseList.canonical(family + "-" + version + suffix);
    }

    private static Optional<String> exceptionTerm(String term) {
        if (!term.toLowerCase(Locale.ROOT).contains("exception")) {
            return Optional.empty();
        }
        return SpdxLicenseList.canonical(term);
    }
}
