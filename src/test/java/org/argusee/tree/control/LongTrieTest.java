package org.argusee.tree.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The persistent map of the snapshot's indexes against a HashMap, and the maps it came from left as they were. */
class LongTrieTest {

    @Test
    void behavesAsAMapAndLeavesEarlierVersionsAlone() {
        SplittableRandom random = new SplittableRandom(17);
        LongTrie<String> trie = LongTrie.empty();
        Map<Long, String> expected = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            // small keys clash on the low bits, large and negative ones on the high bits
            long key =
                    switch (random.nextInt(3)) {
                        case 0 -> random.nextInt(500);
                        case 1 -> random.nextLong();
                        default -> -random.nextInt(500) << 40;
                    };
            LongTrie<String> before = trie;
            Map<Long, String> expectedBefore = new HashMap<>(expected);
            if (random.nextInt(3) == 0) {
                trie = trie.remove(key);
                expected.remove(key);
            } else {
                trie = trie.put(key, "v" + i);
                expected.put(key, "v" + i);
            }
            assertEquals(expected.size(), trie.size());
            assertEquals(expected.get(key), trie.get(key));
            assertEquals(expectedBefore.get(key), before.get(key), "the earlier version is unchanged");
            assertEquals(expectedBefore.size(), before.size());
        }
        Map<Long, String> all = new HashMap<>();
        trie.forEach(all::put);
        assertEquals(expected, all);
        for (Long key : expected.keySet()) {
            trie = trie.remove(key);
        }
        assertEquals(0, trie.size());
        assertNull(trie.get(1));
    }
}
