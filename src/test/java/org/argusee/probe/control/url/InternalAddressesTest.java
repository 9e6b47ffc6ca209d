package org.argusee.probe.control.url;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Literal addresses only: InetAddress.getByName parses them without any lookup. */
class InternalAddressesTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, true",
        "127.9.9.9, true",
        "10.1.2.3, true",
        "172.16.0.1, true",
        "172.31.255.254, true",
        "172.32.0.1, false",
        "192.168.1.1, true",
        "169.254.169.254, true",
        "100.64.0.1, true",
        "100.127.255.254, true",
        "100.128.0.1, false",
        "0.0.0.0, true",
        "8.8.8.8, false",
        "::1, true",
        "fe80::1, true",
        "fd00::1, true",
        "fc00::1, true",
        "2001:db8::1, false",
        "::ffff:10.0.0.1, true"
    })
    void classifies(String literal, boolean internal) throws UnknownHostException {
        assertEquals(internal, InternalAddresses.isInternal(InetAddress.getByName(literal)), literal);
    }
}
