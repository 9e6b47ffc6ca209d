package org.argusee.darp.control.link;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The URLs a slave may reach its master at, in order: one, or the two servers of an active/standby master pair
 * (issue 16). The slave talks to one at a time and moves to the next after a failed attempt (the standby answers
 * 503 "standby", a dead master nothing), so it ends up with the active one without being told which that is.
 */
public final class MasterUrls {

    private final List<URI> urls;
    private final AtomicInteger current = new AtomicInteger();

    private MasterUrls(List<URI> urls) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one master URL is needed");
        }
        this.urls = urls.stream().map(MasterUrls::withSlash).toList();
    }

    public static MasterUrls of(List<URI> urls) {
        return new MasterUrls(List.copyOf(urls));
    }

    /** The URL the next attempt goes to. */
    public URI current() {
        return urls.get(current.get());
    }

    /**
     * Moves on to the next URL; true if that one has not been tried since the first (the caller tries it soon),
     * false when the list starts over (the caller backs off as usual). Always false for a single URL.
     */
    public boolean next() {
        return current.updateAndGet(i -> (i + 1) % urls.size()) != 0;
    }

    public List<URI> all() {
        return urls;
    }

    static URI withSlash(URI uri) {
        String s = uri.toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }

    @Override
    public String toString() {
        return urls.toString();
    }
}
