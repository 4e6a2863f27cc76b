package dev.strata.scanner.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One {@code WWW-Authenticate} challenge of a registry: Bearer (token server) or Basic. */
public sealed interface AuthChallenge permits AuthChallenge.Bearer, AuthChallenge.Basic {

    /** A token-server challenge; {@code service} and {@code scope} may be null. */
    record Bearer(String realm, String service, String scope) implements AuthChallenge {
    }

    /** HTTP Basic; {@code realm} may be null. */
    record Basic(String realm) implements AuthChallenge {
    }

    /**
     * Parses the value of a {@code WWW-Authenticate} header (RFC 7235 auth-params, quoted strings with
     * backslash escapes). Several challenges in one header are returned in order; unknown schemes are skipped.
     *
     * @throws IllegalArgumentException when a Bearer challenge has no realm, or the syntax is broken
     */
    static List<AuthChallenge> parse(String header) {
        List<AuthChallenge> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        Tokenizer t = new Tokenizer(header);
        while (t.skipSeparators()) {
            String scheme = t.token();
            if (scheme.isEmpty()) {
                throw new IllegalArgumentException("malformed WWW-Authenticate header: " + header);
            }
            Map<String, String> params = new LinkedHashMap<>();
            while (true) {
                int mark = t.pos;
                t.skipSpaces();
                String name = t.token();
                t.skipSpaces();
                if (name.isEmpty() || !t.consume('=')) {
                    t.pos = mark; // the next challenge's scheme
                    break;
                }
                t.skipSpaces();
                params.put(name.toLowerCase(Locale.ROOT), t.value());
                t.skipSpaces();
                if (!t.consume(',')) {
                    break;
                }
            }
            switch (scheme.toLowerCase(Locale.ROOT)) {
                case "bearer" -> {
                    String realm = params.get("realm");
                    if (realm == null || realm.isBlank()) {
                        throw new IllegalArgumentException("Bearer challenge without a realm: " + header);
                    }
                    out.add(new Bearer(realm, params.get("service"), params.get("scope")));
                }
                case "basic" -> out.add(new Basic(params.get("realm")));
                default -> {
                    // unknown scheme: ignored
                }
            }
        }
        return out;
    }

    /** A cursor over one header value. */
    final class Tokenizer {
        private final String s;
        private int pos;

        private Tokenizer(String s) {
            this.s = s;
        }

        boolean skipSeparators() {
            while (pos < s.length() && (s.charAt(pos) == ',' || Character.isWhitespace(s.charAt(pos)))) {
                pos++;
            }
            return pos < s.length();
        }

        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean consume(char c) {
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        String token() {
            int start = pos;
            while (pos < s.length() && "!#$%&'*+-.^_`|~".indexOf(s.charAt(pos)) >= 0
                    || pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        String value() {
            if (!consume('"')) {
                int start = pos;
                while (pos < s.length() && s.charAt(pos) != ',' && !Character.isWhitespace(s.charAt(pos))) {
                    pos++;
                }
                return s.substring(start, pos);
            }
            StringBuilder out = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\' && pos < s.length()) {
                    c = s.charAt(pos++);
                }
                out.append(c);
            }
            throw new IllegalArgumentException("unterminated quoted string in WWW-Authenticate header: " + s);
        }
    }
}
