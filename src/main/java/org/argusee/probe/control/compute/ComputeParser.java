package org.argusee.probe.control.compute;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.argusee.status.control.evaluation.Numbers;

/**
 * Reads a {@code Compute} expression such as {@code ( %{Top:Foo} + %{Top:Bar} ) / %{Top:Baz}}: numbers,
 * operands {@code %{full name}}, {@code + - * / % **}, parentheses and the functions of {@link ComputeNode.Call}.
 * Precedence as in Perl: {@code **} (right to left, above unary minus), unary minus, {@code * / %}, {@code + -}.
 * A small recursive-descent parser of our own: the original handed the text to Perl's eval, which here would mean
 * running whatever a configuration says.
 */
final class ComputeParser {

    /** Longer texts and deeper nesting are refused rather than risk the stack of a probe thread. */
    static final int MAX_LENGTH = 4096;

    private static final int MAX_DEPTH = 64;

    /** A parsed expression and the operands it names, in the order written. */
    record Parsed(ComputeNode root, Set<String> operands) {}

    private final String text;
    private final Set<String> operands = new LinkedHashSet<>();
    private int pos;
    private int depth;

    private ComputeParser(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException saying what is wrong and at which character */
    static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expr is empty: write e.g. %{Top:A} + %{Top:B}");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("expr is longer than " + MAX_LENGTH + " characters");
        }
        ComputeParser p = new ComputeParser(text);
        ComputeNode root = p.sum();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return new Parsed(root, Collections.unmodifiableSet(p.operands));
    }

    private ComputeNode sum() {
        ComputeNode left = product();
        for (char c = peek(); c == '+' || c == '-'; c = peek()) {
            pos++;
            left = new ComputeNode.Binary(c, left, product());
        }
        return left;
    }

    private ComputeNode product() {
        ComputeNode left = unary();
        for (char c = peek(); c == '*' && !ahead("**") || c == '/' || c == '%' && !ahead("%{"); c = peek()) {
            pos++;
            left = new ComputeNode.Binary(c, left, unary());
        }
        return left;
    }

    private ComputeNode unary() {
        char c = peek();
        if (c == '-' || c == '+') {
            pos++;
            ComputeNode inner = nested(this::unary);
            return c == '-' ? new ComputeNode.Negate(inner) : inner;
        }
        ComputeNode base = primary();
        if (peek() == '*' && ahead("**")) {
            pos += 2;
            return new ComputeNode.Binary('^', base, nested(this::unary));
        }
        return base;
    }

    private ComputeNode primary() {
        char c = peek();
        if (c == '(') {
            pos++;
            ComputeNode inner = nested(this::sum);
            expect(')');
            return inner;
        }
        if (c == '%' && ahead("%{")) {
            return operand();
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c)) {
            return call();
        }
        throw error(c == 0 ? "the expression ends too soon" : "unexpected '" + c + "'");
    }

    private ComputeNode operand() {
        int start = pos;
        int end = text.indexOf('}', pos);
        if (end < 0) {
            throw error("%{ without its closing }");
        }
        String name = text.substring(pos + 2, end).strip();
        if (name.isEmpty()) {
            pos = start;
            throw error("%{} names no service");
        }
        pos = end + 1;
        operands.add(name);
        return new ComputeNode.Operand(name);
    }

    private ComputeNode number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos >= text.length() || !Character.isDigit(text.charAt(pos))) {
                pos = mark;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        return Numbers.parse(text.substring(start, pos))
                .map(ComputeNode.Constant::new)
                .orElseThrow(() -> {
                    pos = start;
                    return error("bad number");
                });
    }

    private ComputeNode call() {
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(start, pos).toLowerCase(Locale.ROOT);
        Integer arity = ComputeNode.Call.ARITY.get(name);
        if (arity == null) {
            pos = start;
            throw error("unknown function '" + text.substring(start, start + name.length()) + "' (known: "
                    + String.join(", ", new TreeSet<>(ComputeNode.Call.ARITY.keySet())) + ")");
        }
        expect('(');
        List<ComputeNode> args = new ArrayList<>();
        args.add(nested(this::sum));
        while (peek() == ',') {
            pos++;
            args.add(nested(this::sum));
        }
        expect(')');
        if (arity > 0 && args.size() != arity) {
            pos = start;
            throw error(name + " takes " + arity + " argument" + (arity == 1 ? "" : "s") + ", not " + args.size());
        }
        return new ComputeNode.Call(name, List.copyOf(args));
    }

    private ComputeNode nested(Supplier<ComputeNode> inner) {
        if (++depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " deep");
        }
        try {
            return inner.get();
        } finally {
            depth--;
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error(pos >= text.length() ? "missing '" + c + "' at the end" : "expected '" + c + "'");
        }
        pos++;
    }

    /** The next character after whitespace, 0 at the end. */
    private char peek() {
        skipSpace();
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private boolean ahead(String s) {
        return text.startsWith(s, pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("bad expr: " + what + " at character " + (pos + 1) + " of '" + text + "'");
    }
}
