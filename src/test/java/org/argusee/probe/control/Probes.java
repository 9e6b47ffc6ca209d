package org.argusee.probe.control;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.argusee.tree.control.ServiceType;

/** Building specs and waiting on probes with a deadline, never a fixed sleep. */
public final class Probes {

    /** Generous: the assertions are about completing at all, not about speed. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private Probes() {}

    /** A spec for 127.0.0.1 from the type and key/value pairs. */
    public static ProbeSpec spec(String type, String... keyValues) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("hostname", "127.0.0.1");
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return ProbeSpec.of(ServiceType.parse(type), params);
    }

    public static Reply await(CompletionStage<Reply> stage) {
        return await(stage, PATIENCE);
    }

    public static Reply await(CompletionStage<Reply> stage, Duration max) {
        try {
            return stage.toCompletableFuture().get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail("probe did not complete within " + max);
        } catch (ExecutionException e) {
            return fail("probe completed exceptionally", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }
}
