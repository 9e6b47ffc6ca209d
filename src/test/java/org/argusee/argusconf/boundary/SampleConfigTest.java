package org.argusee.argusconf.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.argusee.argusconf.control.CheckedConfig;
import org.argusee.argusconf.control.ConfigChecker;
import org.argusee.argusconf.control.ConfigLimits;
import org.argusee.argusconf.control.ConfigSource;
import org.argusee.tree.control.ParameterCatalog;
import org.junit.jupiter.api.Test;

/** The shipped sample must import cleanly: a broken one would stop the quick start. */
class SampleConfigTest {

    @Test
    void sampleHasNoErrorsNorWarnings() throws IOException {
        byte[] text = sample();
        CheckedConfig checked = new ConfigChecker(ParameterCatalog.standard())
                .check(ConfigSource.memory(Map.of("sample.conf", text), "sample.conf", ConfigLimits.defaults()));
        assertEquals(java.util.List.of(), checked.diagnostics());
        assertTrue(checked.tree().find("Top:Local:localhost:HTTP_localhost").isPresent());
        assertTrue(checked.tree().find("Top:DNS:resolver").isPresent());
        assertEquals(
                "Top:Local:localhost",
                checked.tree().find("Top:Web").orElseThrow().aliasTarget());
    }

    @Test
    void theSampleWatchesTheServersOwnPorts() throws IOException {
        byte[] text = sample();
        CheckedConfig checked = new ConfigChecker(ParameterCatalog.standard())
                .check(ConfigSource.memory(
                        Map.of("sample.conf", SampleConfig.withPorts(text, 12180, 15436)),
                        "sample.conf",
                        ConfigLimits.defaults()));
        assertEquals(java.util.List.of(), checked.diagnostics());
        assertEquals(
                "12180",
                checked.tree()
                        .find("Top:Local:localhost:HTTP_localhost")
                        .orElseThrow()
                        .param("port")
                        .orElseThrow());
        assertEquals(15436, SampleConfig.dbPort("jdbc:postgresql://127.0.0.1:15436/argus"));
        assertEquals(15432, SampleConfig.dbPort(""));
    }

    private static byte[] sample() throws IOException {
        try (InputStream in = SampleConfig.class.getResourceAsStream(SampleConfig.RESOURCE)) {
            return in.readAllBytes();
        }
    }
}
