package org.argusee.darp.control.login;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AddressRulesTest {

    final List<String> looked = new ArrayList<>();
    final Function<String, List<InetAddress>> dns = name -> {
        looked.add(name);
        return name.equals("slave.example.net") ? List.of(LoginDeskTest.address("192.0.2.10")) : List.of();
    };

    @Test
    void ipAddressesMatchExactly() {
        assertTrue(allows("127.0.0.1 192.0.2.10", "192.0.2.10"));
        assertFalse(allows("192.0.2.11", "192.0.2.10"));
        assertTrue(allows("2001:db8::1", "2001:db8:0:0:0:0:0:1"));
    }

    @Test
    void cidrBlocksMatchTheirPrefix() {
        assertTrue(allows("10.0.0.0/8", "10.200.3.4"));
        assertFalse(allows("10.0.0.0/8", "11.0.0.1"));
        assertTrue(allows("192.0.2.128/25", "192.0.2.200"));
        assertFalse(allows("192.0.2.128/25", "192.0.2.100"));
        assertTrue(allows("0.0.0.0/0", "203.0.113.9"));
        assertTrue(allows("2001:db8::/32", "2001:db8:ffff::1"));
        assertFalse(allows("2001:db8::/32", "192.0.2.1"), "families never mix");
        assertFalse(allows("10.0.0.0/99", "10.0.0.1"));
        assertFalse(allows("10.0.0.0/x", "10.0.0.1"), "a bad row edited by SQL allows nothing");
    }

    @Test
    void hostnamesAreResolvedAndLiteralsNever() {
        assertTrue(allows("slave.example.net", "192.0.2.10"));
        assertFalse(allows("other.example.net", "192.0.2.10"));
        looked.clear();
        allows("10.0.0.0/8, 192.0.2.10", "192.0.2.10");
        assertTrue(looked.isEmpty(), looked.toString());
    }

    @Test
    void anEmptyListAllowsNobody() {
        assertFalse(allows("", "127.0.0.1"));
        assertFalse(allows(null, "127.0.0.1"));
    }

    private boolean allows(String allowed, String caller) {
        return AddressRules.allows(allowed, LoginDeskTest.address(caller), dns);
    }
}
