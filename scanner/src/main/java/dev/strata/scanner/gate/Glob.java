package dev.strata.scanner.gate;

import java.util.regex.Pattern;

/**
 * A name or path pattern of an ignore entry: {@code *} matches any run of characters except {@code /},
 * {@code **} any run including {@code /}, {@code ?} one character; everything else is literal.
 */
record Glob(String text, Pattern regex) {

    static Glob of(String text) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Glob(text, Pattern.compile(re.toString()));
    }

    boolean matches(String value) {
        return value != null && regex.matcher(value).matches();
    }
}
