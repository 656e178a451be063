package kr.hamkke.assembly.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommitRevealTest {

    @Test
    void commitmentIsSha256OfTheSecret() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", CommitReveal.commitment("abc"));
        assertTrue(CommitReveal.verify("abc", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
        assertFalse(CommitReveal.verify("abd", CommitReveal.commitment("abc")));
    }

    @Test
    void seedIsSha256OfSecretPoolHashAndBeacon() {
        String poolHash = "6958683f4fdb23e6f5031df574687d8df00ffb747db81f875be34734252f6050";
        CommitReveal.Seed seed = CommitReveal.deriveSeed("s3cret", CommitReveal.commitment("s3cret"), poolHash, "3,11,19,24,36,41+7");
        assertEquals(Hashing.sha256Hex(("s3cret" + poolHash + "3,11,19,24,36,41+7").getBytes(StandardCharsets.UTF_8)), seed.hex());
    }

    @Test
    void aSecretThatDoesNotOpenTheCommitmentIsRefused() {
        String published = CommitReveal.commitment("the real secret");
        var e = assertThrows(CommitReveal.CommitmentMismatch.class,
                () -> CommitReveal.deriveSeed("a different secret", published, "00", "beacon"));
        assertTrue(e.getMessage().contains(published));
    }

    @Test
    void seedsMustBe32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> CommitReveal.Seed.parseHex("abcd"));
        assertThrows(IllegalArgumentException.class, () -> CommitReveal.Seed.parseHex("z".repeat(64)));
        assertEquals("ab".repeat(32), CommitReveal.Seed.parseHex("AB".repeat(32)).hex());
    }

    @Test
    void redrawSeedsDifferAndAreStable() {
        CommitReveal.Seed s = Instances.seed("x");
        assertEquals(s.redraw(7), s.redraw(7));
        assertFalse(s.redraw(7).equals(s.redraw(8)));
    }
}
