package org.argusee.probe.control.net;

import java.util.ArrayList;
import java.util.List;

/** The {@code ipversion} parameter: address families in order of preference, like {@code 4 6} (the default). */
public final class IpVersions {

    public static final String DEFAULT = "4 6";

    private static final List<Integer> PREFERENCE_4_6 = List.of(4, 6);

    private IpVersions() {}

    /** @throws IllegalArgumentException naming the parameter for anything but 4s and 6s */
    public static List<Integer> parse(String text) {
        if (text.equals(DEFAULT)) {
            return PREFERENCE_4_6; // one list for every service with the default, not one each
        }
        List<Integer> versions = new ArrayList<>();
        for (String word : text.strip().split("[\\s,]+")) {
            if (!word.equals("4") && !word.equals("6")) {
                throw new IllegalArgumentException("bad ipversion '" + text + "': use 4, 6, '4 6' or '6 4'");
            }
            Integer version = Integer.valueOf(word);
            if (!versions.contains(version)) {
                versions.add(version);
            }
        }
        return List.copyOf(versions);
    }
}
