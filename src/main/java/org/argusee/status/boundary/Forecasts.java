package org.argusee.status.boundary;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.status.control.evaluation.Forecast;
import org.argusee.status.control.evaluation.ForecastCodec;
import org.argusee.status.control.evaluation.ForecastSettings;

/**
 * The Holt-Winters forecasters of the services with a {@code maxdeviation}, in memory, under the
 * {@link StatusBoard}'s lock. A service's forecaster is made at its first probe, or taken from what
 * {@link ForecastKeeper} loaded at startup (a blob, decoded at first use, when the service's settings are known);
 * it starts over when the model or the period changed, as in the original. Those fed since the last round are
 * handed to the keeper to store ({@link #drain}).
 */
final class Forecasts {

    private static final Logger LOG = Logger.getLogger(Forecasts.class.getName());

    private final Map<Long, Forecast> live = new HashMap<>();
    private final Map<Long, byte[]> stored = new HashMap<>();
    private final Set<Long> fed = new HashSet<>();

    /**
     * The service's forecaster, or null when it has no {@code maxdeviation} ({@code settings} empty: its
     * {@link ForecastSettings#from}, read once with the service's other reply rules).
     */
    Forecast forService(long objectId, Optional<ForecastSettings> wanted, Instant now) {
        if (wanted.isEmpty()) {
            return null;
        }
        ForecastSettings settings = wanted.get();
        Forecast f = live.get(objectId);
        if (f == null) {
            f = fromStored(objectId, settings, now);
        }
        if (f == null || !f.fits(settings)) {
            f = Forecast.start(settings, now.getEpochSecond());
        }
        f.tune(settings);
        live.put(objectId, f);
        fed.add(objectId);
        return f;
    }

    private Forecast fromStored(long objectId, ForecastSettings settings, Instant now) {
        byte[] blob = stored.remove(objectId);
        if (blob == null) {
            return null;
        }
        try {
            return ForecastCodec.decode(blob, settings, now.getEpochSecond());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Forecast of object " + objectId + " cannot be read; it starts over", e);
            return null;
        }
    }

    /** The forecaster as it is now, for a reader (the API); null when the service has none in memory. */
    Forecast peek(long objectId) {
        return live.get(objectId);
    }

    void restore(Map<Long, byte[]> blobs) {
        blobs.forEach(stored::putIfAbsent);
    }

    /** Forgets the service's forecaster; its next probe starts a new one. True when there was one. */
    boolean reset(long objectId) {
        fed.remove(objectId);
        boolean had = live.remove(objectId) != null;
        return stored.remove(objectId) != null || had;
    }

    /** Drops the forecasters of objects no longer in the tree (their stored rows go with the object). */
    void keep(java.util.function.LongPredicate inTree) {
        live.keySet().removeIf(id -> !inTree.test(id));
        fed.removeIf(id -> !inTree.test(id));
    }

    /** The forecasters fed since the last call, encoded for storing. */
    Map<Long, Drained> drain() {
        Map<Long, Drained> out = new HashMap<>();
        for (long id : fed) {
            Forecast f = live.get(id);
            if (f != null) {
                out.put(
                        id,
                        new Drained(
                                f.multiplicative() ? "multiplicative" : "additive",
                                f.period(),
                                ForecastCodec.encode(f)));
            }
        }
        fed.clear();
        return out;
    }

    record Drained(String model, long period, byte[] blob) {}
}
