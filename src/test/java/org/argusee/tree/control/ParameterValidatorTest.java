package org.argusee.tree.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.argusee.tree.control.ParameterIssue.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterValidatorTest {

    private final ParameterValidator validator = new ParameterValidator(ParameterCatalog.standard());

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "frequency | 10min",
                "timeout | 60",
                "retries | 0",
                "port | 25",
                "sendnotify | yes",
                "nostats | true",
                "gravity | up",
                "query | mx",
                "darp_mode | failover",
                "darp_tags | SLAVES slave1",
                "notify | mail:a@b.example",
                "hostname | gw.example.com",
                "hwab_alpha | 0.075",
                "maxvalue | 20000000",
                "minvalue | -3.5",
                "label | Server Disk Space",
                "ttl | 64",
                "eqvalue | up"
            })
    void acceptsGoodValues(String key, String value) {
        assertEquals(List.of(), validator.check(key, value));
    }

    @Test
    void aHoltWintersPeriodOverAYearIsRefused() {
        assertEquals(List.of(), validator.check("hwab_period", "366d"));
        ParameterIssue issue = single("hwab_period", "4003992398018756285");
        assertEquals(Severity.ERROR, issue.severity());
        assertTrue(issue.message().contains("at most 366d"), issue.message());
    }

    @Test
    void unknownKeyIsOnlyAWarning() {
        assertEquals(
                List.of(new ParameterIssue(Severity.WARNING, "frequncy", "unused parameter 'frequncy' - typo?")),
                validator.check("frequncy", "60"));
    }

    @Test
    void blockOnlyKeyIsUnknownOnTreeObjectsButFineInItsBlock() {
        assertEquals(Severity.WARNING, single("secret", "hush!").severity());
        ParameterValidator darp =
                new ParameterValidator(ParameterCatalog.standard(), ParameterContexts.inClass("DARP::Slave"));
        assertEquals(List.of(), darp.check("secret", "hush!"));
        assertEquals(Severity.ERROR, darp.check("fetchconfig", "maybe").get(0).severity());
    }

    @Test
    void deprecatedKeyWarns() {
        ParameterIssue issue = single("footer_all", "<P>Server: slave1");
        assertEquals(Severity.WARNING, issue.severity());
        assertTrue(issue.message().contains("deprecated"), issue.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", "sendnotify!", "frequency:", "tab\tkey"})
    void badKeySyntaxIsAnError(String key) {
        assertEquals(Severity.ERROR, single(key, "1").severity());
    }

    @Test
    void keyLengthIsLimited() {
        assertEquals(Severity.ERROR, single("k".repeat(101), "1").severity());
        assertEquals(Severity.WARNING, single("k".repeat(100), "1").severity());
    }

    @Test
    void valueLengthIsLimited() {
        assertEquals(List.of(), validator.check("info", "x".repeat(10_000)));
        assertEquals(Severity.ERROR, single("info", "x".repeat(10_001)).severity());
        assertEquals(Severity.ERROR, single("info", null).severity());
    }

    @Test
    void booleanKeyNeedsABoolean() {
        ParameterIssue issue = single("sendnotify", "maybe");
        assertEquals(Severity.ERROR, issue.severity());
        assertEquals("sendnotify", issue.key());
        assertTrue(issue.message().contains("'sendnotify'") && issue.message().contains("'maybe'"), issue.message());
    }

    @Test
    void timespecKeyNeedsATime() {
        ParameterIssue issue = single("frequency", "often");
        assertEquals(Severity.ERROR, issue.severity());
        assertTrue(issue.message().contains("'frequency'") && issue.message().contains("'often'"), issue.message());
    }

    @Test
    void listedValuesAreTheOnlyOnes() {
        ParameterIssue issue = single("gravity", "sideways");
        assertEquals(Severity.ERROR, issue.severity());
        assertEquals("'gravity' must be one of up, down, vote, not 'sideways'", issue.message());
    }

    @ParameterizedTest
    @CsvSource({
        "port, 0",
        "port, 65536",
        "port, http",
        "retries, -1",
        "retries, two",
        "ttl, 256",
        "tos, -1",
        "hwab_alpha, 1.5",
        "maxvalue, lots",
        "gr_nmax_days, 0",
        "agent_port, 70000",
        "maxvalue, NaN"
    })
    void numericKeysNeedNumbersInRange(String key, String value) {
        ParameterIssue issue = single(key, value);
        assertEquals(Severity.ERROR, issue.severity());
        assertTrue(
                issue.message().contains("'" + key + "'") && issue.message().contains("'" + value + "'"),
                issue.message());
    }

    @Test
    void numericMessageSaysWhatIsAllowed() {
        assertEquals(
                "'port' must be a whole number from 1 to 65535, not 'http'",
                single("port", "http").message());
        assertEquals(
                "'retries' must be a whole number of at least 0, not '-1'",
                single("retries", "-1").message());
    }

    private ParameterIssue single(String key, String value) {
        List<ParameterIssue> issues = validator.check(key, value);
        assertEquals(1, issues.size(), issues.toString());
        return issues.get(0);
    }
}
