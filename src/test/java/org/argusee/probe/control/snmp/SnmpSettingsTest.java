package org.argusee.probe.control.snmp;

import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.argusee.probe.control.ProbeSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityLevel;

/** Reading an SNMP service's parameters: versions, OIDs, v3 users; errors name the parameter, never a secret. */
class SnmpSettingsTest {

    @ParameterizedTest
    @CsvSource({
        ".1.3.6.1.2.1.2.2.1.10.1, 1.3.6.1.2.1.2.2.1.10.1",
        "1.3.6.1.2.1.1.3.0, 1.3.6.1.2.1.1.3.0",
        "ifInOctets.2, 1.3.6.1.2.1.2.2.1.10.2",
        "IFOUTOCTETS.3, 1.3.6.1.2.1.2.2.1.16.3",
        "sysUpTime.0, 1.3.6.1.2.1.1.3.0",
        "ifHCInOctets.7, 1.3.6.1.2.1.31.1.1.1.6.7",
        "ifNumber.0, 1.3.6.1.2.1.2.1.0",
        "sysDescr, 1.3.6.1.2.1.1.1"
    })
    void oidsAreNumbersOrNamesWithAnIndex(String written, String numeric) {
        assertEquals(numeric, SnmpOids.parse(written).numeric());
    }

    @Test
    void oidsThatNeedWhatIsNotBuiltSaySo() {
        assertTrue(SnmpOids.parse("ifInOctets[Serial2/1]").unsupported().startsWith("index lookup by label"));
        assertTrue(SnmpOids.parse("windowsDiskPercent.1").unsupported().contains("snmpoid blocks"));
        assertTrue(SnmpOids.parse("1.3.x").error().startsWith("bad oid '1.3.x'"));
        assertTrue(SnmpOids.parse(".1").error().startsWith("bad oid"), "one number is no OID");
    }

    @Test
    void theTypeNamesTheVersionElseSnmpversion() {
        assertEquals(SnmpConstants.version1, SnmpSettings.of(spec("UDP/SNMP")).version());
        assertEquals(
                SnmpConstants.version2c,
                SnmpSettings.of(spec("UDP/SNMP", "snmpversion", "2c")).version());
        assertEquals(
                SnmpConstants.version2c,
                SnmpSettings.of(spec("UDP/SNMPv2c", "snmpversion", "1")).version(),
                "an inherited snmpversion does not override the type");
        assertEquals(
                SnmpConstants.version3,
                SnmpSettings.of(spec("UDP/SNMP", "snmpversion", "v3", "snmpuser", "u"))
                        .version());
    }

    @Test
    void theOidOfTheTypeComesFirstAsInTheUname() {
        SnmpSettings s = SnmpSettings.of(spec("UDP/SNMP/ifOperStatus.2", "oid", "sysUpTime.0"));
        assertEquals("1.3.6.1.2.1.2.2.1.8.2", s.oid().toDottedString());
        assertNull(SnmpSettings.of(spec("UDP/SNMP")).oid(), "the liveness test");
        assertEquals("public", SnmpSettings.of(spec("UDP/SNMP")).community().toString());
    }

    @Test
    void aV3UserTakesTheDefaultsOfTheOriginal() {
        SnmpUser u = SnmpSettings.of(
                        spec("UDP/SNMPv3", "snmpuser", "ops", "snmppass", "12345678", "snmpprivpass", "abcdefgh"))
                .user();
        assertEquals(AuthMD5.ID, u.auth());
        assertEquals(PrivDES.ID, u.priv());
        assertEquals(SecurityLevel.AUTH_PRIV, u.securityLevel());
        SnmpUser sha = SnmpSettings.of(spec(
                        "UDP/SNMPv3",
                        "snmpuser",
                        "ops",
                        "snmppass",
                        "12345678",
                        "snmpauth",
                        "sha1",
                        "snmpprivpass",
                        "abcdefgh",
                        "snmppriv",
                        "aes128"))
                .user();
        assertEquals(AuthSHA.ID, sha.auth());
        assertEquals(PrivAES128.ID, sha.priv());
    }

    @Test
    void securityLevelsFollowThePassphrases() {
        assertEquals(
                SecurityLevel.NOAUTH_NOPRIV,
                SnmpSettings.of(spec("UDP/SNMPv3", "snmpuser", "u")).user().securityLevel());
        assertEquals(
                SecurityLevel.AUTH_NOPRIV,
                SnmpSettings.of(spec("UDP/SNMPv3", "snmpuser", "u", "snmppass", "12345678"))
                        .user()
                        .securityLevel());
        assertEquals(
                SecurityLevel.AUTH_NOPRIV,
                SnmpSettings.of(spec(
                                "UDP/SNMPv3",
                                "snmpuser",
                                "u",
                                "snmppass",
                                "12345678",
                                "snmpprivpass",
                                "abcdefgh",
                                "snmppriv",
                                "none"))
                        .user()
                        .securityLevel());
        assertEquals(
                SecurityLevel.NOAUTH_NOPRIV,
                SnmpSettings.of(spec("UDP/SNMPv3", "snmpuser", "u", "snmppass", "12345678", "snmpauth", "none"))
                        .user()
                        .securityLevel());
    }

    @Test
    void badSettingsNameTheParameterAndHideSecrets() {
        assertEquals(
                "bad snmpauth 'SHA3': use MD5, SHA1, SHA, SHA-1, SHA224, SHA-224, SHA256, SHA-256, SHA384, "
                        + "SHA-384, SHA512, SHA-512 or none",
                message(spec("UDP/SNMPv3", "snmpuser", "u", "snmppass", "12345678", "snmpauth", "SHA3")));
        assertTrue(message(spec(
                        "UDP/SNMPv3",
                        "snmpuser",
                        "u",
                        "snmppass",
                        "12345678",
                        "snmpprivpass",
                        "abcdefgh",
                        "snmppriv",
                        "blowfish"))
                .startsWith("bad snmppriv 'blowfish'"));
        assertEquals(
                "snmpprivpass needs snmppass too: SNMPv3 has no privacy without authentication",
                message(spec("UDP/SNMPv3", "snmpuser", "u", "snmpprivpass", "abcdefgh")));
        String shortPass = message(spec("UDP/SNMPv3", "snmpuser", "u", "snmppass", "s3cr3t"));
        assertFalse(shortPass.contains("s3cr3t"), shortPass);
        assertTrue(message(spec("UDP/SNMPv3", "snmpuser", "u", "authengine", "xyz"))
                .startsWith("bad authengine 'xyz': write the engine id in hex"));
        assertTrue(message(spec("UDP/SNMP", "oid", "1.3.6.1.99999999999")).contains("larger than 4294967295"));
    }

    @Test
    void engineIdsAreHexAsToolsPrintThem() {
        assertEquals(
                "80:00:1f:88:80:aa",
                SnmpSettings.hex("authengine", "0x80001F8880aa").toHexString());
        assertEquals(
                "80:00:1f:88:80:aa",
                SnmpSettings.hex("authengine", "80:00:1f:88:80:aa").toHexString());
        assertThrows(IllegalArgumentException.class, () -> SnmpSettings.hex("contextengine", "8000"), "too short");
    }

    @Test
    void theUserNeverShowsItsPassphrases() {
        SnmpUser u = SnmpSettings.of(
                        spec("UDP/SNMPv3", "snmpuser", "ops", "snmppass", "auth-secret", "snmpprivpass", "priv-secret"))
                .user();
        assertFalse(u.toString().contains("secret"), u.toString());
        assertEquals("SnmpUser[ops, authPriv]", u.toString());
    }

    private static String message(ProbeSpec spec) {
        return assertThrows(IllegalArgumentException.class, () -> SnmpSettings.of(spec))
                .getMessage();
    }
}
