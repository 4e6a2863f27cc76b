package dev.strata.scanner.packages.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses artifactId, version and classifier from an archive file name, e.g. {@code log4j-core-2.14.1.jar},
 * {@code netty-all-4.1.90.Final.jar}, {@code guava-31.1-jre.jar} ({@code jre} is part of Guava's version),
 * {@code json-lib-2.4-jdk15.jar} (classifier {@code jdk15}), {@code foo-1.0-SNAPSHOT.jar}, {@code core.jar}.
 *
 * <p>The version starts at a {@code -} followed by a digit. When there are several such places, one is skipped if
 * the text before the next one holds a word that is not a version qualifier ({@code log4j-1.2-api-2.17.1}).
 */
public final class JarFileNameParser {

    private static final Pattern EXTENSION = Pattern.compile("(?i)\\.(jar|war|ear|rar|par|sar|jpi|hpi|aar)$");
    private static final Pattern QUALIFIER = Pattern.compile(
            "(?i)snapshot|final|release|ga|jre|android|alpha\\d*|beta\\d*|a\\d+|b\\d+|rc\\d*|cr\\d*|m\\d+|sp\\d*"
                    + "|incubating|redhat|jdk\\d+|java\\d+|v\\d+|\\d+[a-z]?");
    private static final Pattern CLASSIFIER = Pattern.compile(
            "(.+?)-(sources|javadoc|tests|test-sources|shaded|all|no_aop|nodeps|standalone|uber|bin|indy|jdk\\d+"
                    + "|jar-with-dependencies|(?:linux|osx|windows|natives)-[A-Za-z0-9_-]+)");

    /** Parses the last path segment; empty when it has no archive extension or no name before the version. */
    public Optional<JarFileName> parse(String pathOrName) {
        String file = pathOrName.substring(pathOrName.lastIndexOf('/') + 1);
        Matcher ext = EXTENSION.matcher(file);
        if (!ext.find()) {
            return Optional.empty();
        }
        String stem = file.substring(0, ext.start());
        if (stem.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 1; i + 1 < stem.length(); i++) {
            if (stem.charAt(i) == '-' && Character.isDigit(stem.charAt(i + 1))) {
                candidates.add(i);
            }
        }
        for (int c = 0; c < candidates.size(); c++) {
            int at = candidates.get(c);
            if (c + 1 < candidates.size() && hasNonQualifierWord(stem.substring(at + 1, candidates.get(c + 1)))) {
                continue;
            }
            String version = stem.substring(at + 1);
            String classifier = null;
            Matcher m = CLASSIFIER.matcher(version);
            if (m.matches()) {
                version = m.group(1);
                classifier = m.group(2);
            }
            return Optional.of(new JarFileName(stem.substring(0, at), version, classifier));
        }
        return Optional.of(new JarFileName(stem, null, null));
    }

    private static boolean hasNonQualifierWord(String segment) {
        for (String token : segment.split("[-.]")) {
            if (!token.isEmpty() && !QUALIFIER.matcher(token.toLowerCase(Locale.ROOT)).matches()
                    && !token.chars().allMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }
}
