package org.argusee.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentLongMapTest {

    /** Random puts, removals and bulk removals against a HashMap: the same answers, the same contents. */
    @Test
    void behavesAsAMapUnderRandomChanges() {
        Random random = new Random(17);
        ConcurrentLongMap<String> map = new ConcurrentLongMap<>();
        Map<Long, String> model = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            // few distinct keys, close together (ids), so runs collide and removals shift entries back
            long key = random.nextInt(5_000) + (random.nextBoolean() ? 1_000_000L : -3L);
            switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> assertEquals(model.put(key, "v" + step), map.put(key, "v" + step));
                case 4 -> assertEquals(model.putIfAbsent(key, "a" + step), map.putIfAbsent(key, "a" + step));
                case 5, 6, 7 -> assertEquals(model.remove(key), map.remove(key));
                case 8 -> {
                    model.computeIfPresent(key, (k, v) -> v + "!");
                    map.update(key, v -> v + "!");
                }
                default -> assertEquals(model.get(key), map.get(key));
            }
            if (step % 20_000 == 0) {
                long m = random.nextInt(7) + 2;
                model.keySet().removeIf(k -> k % m == 0);
                map.removeKeysIf(k -> k % m == 0);
            }
        }
        assertEquals(model.size(), map.size());
        Map<Long, String> seen = new HashMap<>();
        map.forEach((k, v) -> assertNull(seen.put(k, v), "each entry once"));
        assertEquals(model, seen);
        for (long k = -10; k < 1_010_000; k += 7) {
            assertEquals(model.get(k), map.get(k));
        }
    }

    @Test
    void forEachActionMayChangeTheMap() {
        ConcurrentLongMap<Integer> map = new ConcurrentLongMap<>();
        for (int i = 0; i < 1_000; i++) {
            map.put(i, i);
        }
        map.forEach((k, v) -> map.update(k, x -> x + 1));
        map.forEach((k, v) -> assertEquals((int) k + 1, v));
        map.clear();
        assertEquals(0, map.size());
        assertThrows(NullPointerException.class, () -> map.put(1, null));
    }

    /** Writers on their own keys at once: nothing lost, nothing of another key seen. */
    @Test
    void concurrentWritersKeepEveryEntry() throws Exception {
        ConcurrentLongMap<Long> map = new ConcurrentLongMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long base = t * 1_000_000L;
                work.add(pool.submit(() -> {
                    for (long k = base; k < base + 50_000; k++) {
                        map.put(k, k);
                        assertEquals(k, map.get(k));
                        if (k % 2 == 0) {
                            map.remove(k);
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(100_000, map.size());
        map.forEach((k, v) -> assertEquals(k, v));
    }
}
