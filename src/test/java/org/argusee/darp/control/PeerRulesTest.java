package org.argusee.darp.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerRulesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "10.0.0.0/8",
                "192.0.2.0/24",
                "::1",
                "2001:db8::/32",
                "slave1",
                "slave1.example.com",
                "a-b.example"
            })
    void acceptsHostsAddressesAndBlocks(String address) {
        assertTrue(PeerRules.address(address), address);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "10.0.0.0/33", "::1/129", "host/24", "300.1.1.1/8", "-bad.example", "a b", "x/y", "10.0.0.0/"
            })
    void refusesTheRest(String address) {
        assertFalse(PeerRules.address(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"master1", "slave-2", "s.3", "A_b"})
    void acceptsTags(String tag) {
        assertTrue(PeerRules.tag(tag).isEmpty(), tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-x", "with space", "a/b", "über"})
    void refusesBadTags(String tag) {
        assertTrue(PeerRules.tag(tag).isPresent(), tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://slave1:8080/", "https://slave1.example.com/argus"})
    void acceptsWebUrls(String url) {
        assertTrue(PeerRules.remoteUrl(url).isEmpty(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://x/", "slave1:8080", "http://", "http://exa mple.com/"})
    void refusesOtherUrls(String url) {
        assertTrue(PeerRules.remoteUrl(url).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "1234567"})
    void secretsAreAtLeastEightCharacters(String secret) {
        assertTrue(PeerRules.secret(secret).isPresent());
        assertTrue(PeerRules.secret("12345678").isEmpty());
        assertTrue(PeerRules.addresses(List.of("127.0.0.1", "bad address")).isPresent());
    }
}
