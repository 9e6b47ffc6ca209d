package org.argusee.probe.control.url;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Addresses inside a site rather than on the Internet: loopback, link-local, the private ranges (10/8, 172.16/12,
 * 192.168/16, IPv6 fc00::/7 and the old fec0::/10), the shared 100.64/10 and the unspecified address. A web page
 * that redirects a URL probe there could make the server fetch an internal page and show it to every reader of
 * the service (docs/security.md, finding 8).
 */
final class InternalAddresses {

    private InternalAddresses() {}

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc;
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }
}
