package org.argusee.darp.control.duty;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A list of DARP tags as {@code darp_tags}, {@code slaves_keep_state} and {@code slaves_send_notifies} write it:
 * words separated by spaces, each a server's tag or one of
 * <ul>
 * <li>{@code *}: every server this one knows, itself included;</li>
 * <li>{@code SLAVES}: its slaves, and itself if it has masters (it is a slave then);</li>
 * <li>{@code MASTERS}: its masters, and itself if it has slaves;</li>
 * <li>{@code LOCAL}: the servers that test the object. It makes sense in the notification and state lists; in
 * {@code darp_tags} itself it adds nothing, as in the original.</li>
 * </ul>
 * The words are read relative to the server that reads them: {@code SLAVES} on a master is all its slaves, on a
 * slave it is that slave alone. Keywords are recognised in any case (Argus users write {@code slaves} too);
 * tags are compared exactly, as the original does. A word that is neither is taken as a tag, as the original
 * does; the parameter validator refuses ones a tag cannot be.
 */
public final class TagList {

    public static final String ALL = "*";
    public static final String SLAVES = "SLAVES";
    public static final String MASTERS = "MASTERS";
    public static final String LOCAL = "LOCAL";
    private static final List<String> KEYWORDS = List.of(ALL, SLAVES, MASTERS, LOCAL);

    private final List<String> words;

    private TagList(List<String> words) {
        this.words = words;
    }

    /** Null or blank is the empty list. */
    public static TagList parse(String text) {
        if (text == null || text.isBlank()) {
            return new TagList(List.of());
        }
        return new TagList(Arrays.stream(text.strip().split("\\s+"))
                .map(TagList::canonical)
                .toList());
    }

    public List<String> words() {
        return words;
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** Does the list name {@code tag}, read on the server described by {@code here}? */
    public boolean includes(String tag, DarpTopology here) {
        Objects.requireNonNull(tag, "tag");
        for (String w : words) {
            boolean hit =
                    switch (w) {
                        case ALL -> here.knows(tag);
                        case SLAVES -> here.slaves().contains(tag) || (tag.equals(here.self()) && here.isSlave());
                        case MASTERS -> here.masters().contains(tag) || (tag.equals(here.self()) && here.isMaster());
                        case LOCAL -> false;
                        default -> w.equals(tag);
                    };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    /** The tags the list names, read on {@code here}; {@code LOCAL} adds nothing. Sorted. */
    public Set<String> expand(DarpTopology here) {
        return expand(here, Set.of());
    }

    /** @param local what {@code LOCAL} stands for: the tags of the servers that test the object */
    public Set<String> expand(DarpTopology here, Set<String> local) {
        Set<String> tags = new TreeSet<>();
        for (String w : words) {
            switch (w) {
                case ALL -> tags.addAll(here.all());
                case SLAVES -> {
                    tags.addAll(here.slaves());
                    if (here.isSlave()) {
                        tags.add(here.self());
                    }
                }
                case MASTERS -> {
                    tags.addAll(here.masters());
                    if (here.isMaster()) {
                        tags.add(here.self());
                    }
                }
                case LOCAL -> tags.addAll(local);
                default -> tags.add(w);
            }
        }
        return Collections.unmodifiableSet(tags);
    }

    /** The words joined by single spaces, keywords in capitals. */
    @Override
    public String toString() {
        return String.join(" ", words);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagList t && t.words.equals(words);
    }

    @Override
    public int hashCode() {
        return words.hashCode();
    }

    private static String canonical(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        return KEYWORDS.contains(upper) ? upper : word;
    }
}
