package org.argusee.probe.control.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lines as fping 5.1 and iputils ping print them. */
class PingOutputTest {

    @Test
    void anAliveHostGivesItsTime() {
        assertEquals(
                Optional.of(new PingOutput.HostResult("127.0.0.1", "0.042", null)),
                PingOutput.fping("127.0.0.1 is alive (0.042 ms)"));
        assertEquals(
                "0:0:0:0:0:0:0:1",
                PingOutput.fping("0:0:0:0:0:0:0:1 is alive (0.051 ms)")
                        .orElseThrow()
                        .host());
    }

    @Test
    void aReplyFromAnotherAddressStillCounts() {
        assertEquals(
                "1.2",
                PingOutput.fping("10.0.0.1 is alive (1.2 ms) [<- 10.0.0.9]")
                        .orElseThrow()
                        .millis());
    }

    @Test
    void withoutATimeTheHostIsStillAlive() {
        PingOutput.HostResult r = PingOutput.fping("10.0.0.1 is alive").orElseThrow();
        assertTrue(r.alive());
        assertEquals("", r.millis());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "198.51.100.1 is unreachable | 198.51.100.1 | no response",
                "ICMP Network Unreachable from 21.4.2.121 for ICMP Echo sent to 198.51.100.1 | 198.51.100.1"
                        + " | network unreachable",
                "ICMP Host Unreachable from 10.0.0.254 for ICMP Echo sent to 10.0.0.3 | 10.0.0.3 | host unreachable",
                "::1: Address family for hostname not supported | ::1 | Address family for hostname not supported",
                "10.0.0.4: error while sending ping: No route to host | 10.0.0.4 | error while sending ping: No route to host"
            })
    void downLinesNameTheHostAndWhy(String line, String host, String reason) {
        assertEquals(Optional.of(new PingOutput.HostResult(host, null, reason)), PingOutput.fping(line));
    }

    @Test
    void fpingsOwnComplaintsAreAboutNoHost() {
        assertEquals(Optional.empty(), PingOutput.fping("fping: can't create socket (must run as root?)"));
        assertEquals(Optional.empty(), PingOutput.fping(""));
    }

    @Test
    void pingsReplyLineGivesTheTime() {
        assertEquals(
                Optional.of("0.062"), PingOutput.pingTime("64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.062 ms"));
        assertEquals(Optional.of("1"), PingOutput.pingTime("64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time<1 ms"));
        assertEquals(Optional.empty(), PingOutput.pingTime("1 packets transmitted, 0 received, 100% packet loss"));
    }
}
