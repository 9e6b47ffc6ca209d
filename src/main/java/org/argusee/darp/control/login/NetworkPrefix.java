package org.argusee.darp.control.login;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The network an address belongs to, for limits that one machine cannot dodge by changing its address: an IPv4
 * /24 or an IPv6 /64 (what one site or one customer usually holds). Only IP literals are taken (the TCP peer's
 * address), never a name: nothing is looked up.
 */
final class NetworkPrefix {

    private NetworkPrefix() {}

    /** {@code 192.0.2.0/24}, {@code 2001:db8:0:0::/64}; anything that is not an IP literal stands for itself. */
    static String of(String address) {
        String literal = address == null ? "" : address.replaceFirst("%.*$", ""); // an IPv6 zone is no part of it
        if (!literal.matches("[0-9.]{7,15}|[0-9a-fA-F:.]{2,45}") || literal.indexOf(':') < 0 && !isV4(literal)) {
            return String.valueOf(address);
        }
        try {
            InetAddress a = InetAddress.getByName(literal); // only hex digits, dots, colons: parsed, never resolved
            byte[] b = a.getAddress();
            if (a instanceof Inet4Address) {
                return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + ".0/24";
            }
            if (a instanceof Inet6Address) {
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    s.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff)))
                            .append(':');
                }
                return s.append(":/64").toString();
            }
        } catch (UnknownHostException e) {
            // not a literal after all: stands for itself below
        }
        return address;
    }

    private static boolean isV4(String s) {
        return s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
