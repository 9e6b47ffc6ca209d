package org.argusee.platform.control;

/**
 * Which server of a master pair holds the lease, as this server last read it: its member name, the URL it gave
 * ({@code argus.pair.url}; empty if none) and whether its lease still ran then. The standby names it when it refuses
 * work that only the active one can do.
 */
public record ActiveMember(String holder, String url, boolean current) {

    public static final ActiveMember UNKNOWN = new ActiveMember("", "", false);

    /** "pair-a (https://a:8443/)", or "pair-a" without a URL; "unknown" before the lease was read. */
    public String describe() {
        if (holder.isEmpty()) {
            return "unknown";
        }
        return url.isEmpty() ? holder : holder + " (" + url + ")";
    }
}
