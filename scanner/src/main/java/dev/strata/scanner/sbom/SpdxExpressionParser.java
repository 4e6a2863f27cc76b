package dev.strata.scanner.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Parses an SPDX license expression (SPDX 2.3 annex D: ids, {@code +}, {@code WITH}, {@code AND}, {@code OR},
 * parentheses; operators in upper or lower case) and writes it back canonically. Each simple term goes through
 * a resolver that returns the SPDX id it stands for, or empty to reject the whole expression.
 */
final class SpdxExpressionParser {

    private final List<String> tokens;
    private final Function<String, Optional<String>> licenseTerm;
    private final Function<String, Optional<String>> exceptionTerm;
    private int pos;

    private SpdxExpressionParser(List<String> tokens, Function<String, Optional<String>> licenseTerm,
                                 Function<String, Optional<String>> exceptionTerm) {
        this.tokens = tokens;
        this.licenseTerm = licenseTerm;
        this.exceptionTerm = exceptionTerm;
    }

    /** The canonical expression, or empty when the text is no expression or a term is not accepted. */
    static Optional<String> normalize(String text, Function<String, Optional<String>> licenseTerm,
                                      Function<String, Optional<String>> exceptionTerm) {
        List<String> tokens = tokenize(text);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        SpdxExpressionParser p = new SpdxExpressionParser(tokens, licenseTerm, exceptionTerm);
        Optional<Node> node = p.or();
        if (node.isEmpty() || p.pos != tokens.size()) {
            return Optional.empty();
        }
        return Optional.of(node.get().text());
    }

    private record Node(String text, boolean compound) {
        String grouped() {
            return compound ? "(" + text + ")" : text;
        }
    }

    private Optional<Node> or() {
        return binary("OR", this::and);
    }

    private Optional<Node> and() {
        return binary("AND", this::with);
    }

    private Optional<Node> binary(String operator, Supplier<Optional<Node>> operand) {
        Optional<Node> first = operand.get();
        if (first.isEmpty()) {
            return first;
        }
        List<Node> parts = new ArrayList<>(List.of(first.get()));
        while (isOperator(operator)) {
            pos++;
            Optional<Node> next = operand.get();
            if (next.isEmpty()) {
                return next;
            }
            parts.add(next.get());
        }
        if (parts.size() == 1) {
            return first;
        }
        List<String> texts = parts.stream().map(Node::grouped).toList();
        return Optional.of(new Node(String.join(" " + operator + " ", texts), true));
    }

    private Optional<Node> with() {
        Optional<Node> license = primary();
        if (license.isEmpty() || !isOperator("WITH")) {
            return license;
        }
        pos++;
        if (pos >= tokens.size() || license.get().compound()) {
            return Optional.empty();
        }
        Optional<String> exception = exceptionTerm.apply(tokens.get(pos++));
        return exception.map(e -> new Node(license.get().text() + " WITH " + e, true));
    }

    private Optional<Node> primary() {
        if (pos >= tokens.size()) {
            return Optional.empty();
        }
        String token = tokens.get(pos++);
        if (token.equals("(")) {
            Optional<Node> inner = or();
            if (inner.isEmpty() || pos >= tokens.size() || !tokens.get(pos).equals(")")) {
                return Optional.empty();
            }
            pos++;
            return inner;
        }
        if (token.equals(")") || isOperatorWord(token)) {
            return Optional.empty();
        }
        return licenseTerm.apply(token).map(id -> new Node(id, false));
    }

    private boolean isOperator(String operator) {
        return pos < tokens.size() && tokens.get(pos).toUpperCase(Locale.ROOT).equals(operator)
                && isOperatorWord(tokens.get(pos));
    }

    /** {@code AND}, {@code OR}, {@code WITH} all upper or all lower case. */
    private static boolean isOperatorWord(String token) {
        return switch (token) {
            case "AND", "OR", "WITH", "and", "or", "with" -> true;
            default -> false;
        };
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(' || c == ')' || Character.isWhitespace(c)) {
                if (!current.isEmpty()) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
                if (c == '(' || c == ')') {
                    tokens.add(String.valueOf(c));
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}
