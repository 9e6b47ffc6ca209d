package org.argusee.probe.control.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The IPv4 literal test without a regex answers as the regex it replaced with each group at most 255, on texts near
 * and far from literals; no literal, valid or not, is ever asked of DNS.
 */
class HostResolverLiteralTest {

    private static final Pattern REGEX = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    @Test
    void answersAsTheRegex() {
        String[] fixed = {
            "",
            ".",
            "1.2.3.4",
            "127.1.0.1",
            "255.255.255.255",
            "999.999.999.999",
            "1.2.3.999",
            "256.0.0.1",
            "1.2.3.256",
            "10.0.0.300",
            "1.2.3",
            "1.2.3.4.5",
            "1..2.3",
            ".1.2.3",
            "1.2.3.",
            "1234.1.1.1",
            "1.2.3.4 ",
            " 1.2.3.4",
            "a.b.c.d",
            "host.example",
            "::1",
            "1.2.3.٤"
        };
        for (String t : fixed) {
            assertEquals(expected(t), HostResolver.isIpv4Literal(t), t);
        }
        Random random = new Random(17);
        String alphabet = "0123456789....a:-٣";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(18);
            for (int j = 0; j < length; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = sb.toString();
            assertEquals(expected(t), HostResolver.isIpv4Literal(t), t);
        }
    }

    private static boolean expected(String t) {
        if (!REGEX.matcher(t).matches()) {
            return false;
        }
        for (String group : t.split("\\.")) {
            if (Integer.parseInt(group) > 255) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aLiteralsAddressIsWhatResolvingItGives() throws Exception {
        HostResolver resolver = new HostResolver(1, "test-resolver");
        try {
            for (String host : List.of("127.0.0.1", "10.1.2.3", "::1", "[::1]", "fe80::1")) {
                for (List<Integer> versions : List.of(List.of(4, 6), List.of(6, 4))) {
                    InetSocketAddress literal = HostResolver.literal(host, versions, 25);
                    assertEquals(resolver.resolve(host, versions).get(), literal.getAddress(), host);
                    assertEquals(25, literal.getPort());
                }
            }
        } finally {
            resolver.shutdown();
        }
    }

    @Test
    void anInvalidLiteralWithAColonFailsAtOnce() {
        HostResolver resolver = new HostResolver(1, "test-resolver");
        try {
            for (String host : List.of("zz:1", "[zz:1]", "1::2::3", "::1::")) {
                CompletableFuture<?> answer = resolver.resolve(host, List.of(4, 6));
                assertTrue(answer.isCompletedExceptionally(), host + " is answered without the resolver's pool");
            }
        } finally {
            resolver.shutdown();
        }
    }

    @Test
    void aNameOrALiteralOfTheWrongFamilyIsLeftToEachProbe() {
        assertNull(HostResolver.literal("localhost", List.of(4, 6), 25));
        assertNull(HostResolver.literal("host.example", List.of(4), 25));
        assertNull(HostResolver.literal("127.0.0.1", List.of(6), 25)); // each probe fails "no IPv6 address"
        assertNull(HostResolver.literal("::1", List.of(4), 25));
        assertNull(HostResolver.literal(null, List.of(4), 25));
        // invalid literals, answered without asking DNS (the JDK would pass "1.2.3.999" and "zz:1" to the system's
        // resolver: a packet off this machine)
        assertNull(HostResolver.literal("1::2::3", List.of(4, 6), 25));
        assertNull(HostResolver.literal("1.2.3.999", List.of(4, 6), 25));
        assertNull(HostResolver.literal("zz:1", List.of(4, 6), 25));
        assertNull(HostResolver.literal("[zz:1]", List.of(4, 6), 25));
    }
}
