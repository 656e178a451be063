package kr.hamkke.assembly.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlenaryRuleTest {

    @Test
    void majorityNeedsMoreThanHalfOfYesAndNo() {
        assertTrue(PlenaryRule.majority(new PlenaryRule.Count(1, 51, 49, 100)));
        assertFalse(PlenaryRule.majority(new PlenaryRule.Count(1, 50, 50, 0)), "a tie is not adopted");
        assertFalse(PlenaryRule.majority(new PlenaryRule.Count(1, 0, 0, 10)));
    }

    @Test
    void turnoutCountsAbstentionsAndNeedsHalfOfActiveMembers() {
        assertTrue(PlenaryRule.quorum(new PlenaryRule.Count(1, 100, 0, 50), 300, 50));
        assertFalse(PlenaryRule.quorum(new PlenaryRule.Count(1, 100, 0, 49), 300, 50));
        assertTrue(PlenaryRule.quorum(new PlenaryRule.Count(1, 1, 0, 0), 3, 33));
        assertFalse(PlenaryRule.quorum(new PlenaryRule.Count(1, 0, 0, 0), 0, 50));
    }

    @Test
    void adoptedItemsAreRankedByYesShare() {
        var out = PlenaryRule.decide(List.of(
                new PlenaryRule.Count(1, 60, 40, 0),
                new PlenaryRule.Count(2, 90, 10, 0),
                new PlenaryRule.Count(3, 40, 60, 0),
                new PlenaryRule.Count(4, 90, 10, 5),
                new PlenaryRule.Count(5, 10, 0, 0)), 200, 50);
        assertEquals(3, out.get(0).rank());
        assertEquals(1, out.get(1).rank());
        assertNull(out.get(2).rank());
        assertEquals(2, out.get(3).rank(), "equal share and YES count: lower item id first");
        assertFalse(out.get(4).adopted(), "10 of 200 is below quorum");
    }
}
