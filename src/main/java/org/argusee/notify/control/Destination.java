package org.argusee.notify.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where a message goes: {@code method:address} as the original writes it ({@code mail:ops@example.com},
 * {@code webhook:https://...}, {@code log:ops}); a bare address means mail, a bare known method name the method
 * with the address "nobody" (the original's rule), and {@code none} nobody at all.
 */
public record Destination(String method, String address) {

    public Destination {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(address, "address");
    }

    /** As written in the parameters and stored in the outbox. */
    public String text() {
        return method + ":" + address;
    }

    /**
     * The destinations of a {@code notify}-style value, separated by white space, in order, without repeats.
     *
     * @param knownMethods names of the methods, so a bare {@code log} means the method, not a mail address
     */
    public static List<Destination> parseAll(String value, Set<String> knownMethods) {
        Set<Destination> out = new LinkedHashSet<>();
        if (value == null) {
            return List.of();
        }
        for (String word : value.strip().split("\\s+")) {
            if (word.isEmpty() || word.equals("none")) {
                continue;
            }
            out.add(parse(word, knownMethods));
        }
        return new ArrayList<>(out);
    }

    public static Destination parse(String word, Set<String> knownMethods) {
        int colon = word.indexOf(':');
        if (colon < 0) {
            return knownMethods.contains(word) ? new Destination(word, "nobody") : new Destination("mail", word);
        }
        String method = word.substring(0, colon);
        String address = word.substring(colon + 1);
        if (method.isEmpty()) {
            return new Destination("mail", address);
        }
        return new Destination(method, address.isEmpty() ? "nobody" : address);
    }
}
