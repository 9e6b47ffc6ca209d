package org.argusee.status.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Issue 17: the ids a status write locks, sorted as primitives, are the ones the boxed {@code TreeSet} gave. */
class ObjectLocksTest {

    @Test
    void idsOnceEachInOrderAsATreeSetGaveThem() {
        Random random = new Random(17);
        for (int run = 0; run < 500; run++) {
            long[] ids = LongStream.generate(() -> random.nextInt(50) - 5)
                    .limit(random.nextInt(40))
                    .toArray();
            TreeSet<Long> before = LongStream.of(ids).collect(TreeSet::new, TreeSet::add, TreeSet::addAll);
            assertArrayEquals(before.toArray(new Long[0]), ObjectLocks.distinctSorted(ids.clone()));
        }
    }
}
