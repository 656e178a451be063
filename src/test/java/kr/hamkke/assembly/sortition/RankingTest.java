package kr.hamkke.assembly.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingTest {

    @Test
    void fastRankingAgreesWithTheJdkHmacOnALargePool() {
        Pool pool = Instances.randomPool(new Random(3), 30_000, 25, AgeBandSet.STANDARD_7, 0);
        CommitReveal.Seed seed = Instances.seed("large");
        int[] order = Ranking.order(pool.applicants(), seed);
        assertEquals(30_000, Arrays.stream(order).distinct().count());
        SortitionPropertiesTest.assertRankOrder(Arrays.stream(order).mapToObj(i -> pool.applicants().get(i).code()).toList(), seed);
    }

    @Test
    void hmacMatchesRfc4231StyleComputation() {
        // HMAC-SHA256 with a 32-byte key of 0x0b bytes over "Hi There" (RFC 4231 test case 1 uses 20 bytes; this
        // pins our own key length and encoding).
        CommitReveal.Seed seed = CommitReveal.Seed.parseHex("0b".repeat(32));
        assertEquals("198a607eb44bfbc69903a0f1cf2bbdc5ba0aa3f3d9ae3c1c7a3b1696a0b68cf7",
                java.util.HexFormat.of().formatHex(Ranking.hmac(seed, "Hi There")));
    }
}
