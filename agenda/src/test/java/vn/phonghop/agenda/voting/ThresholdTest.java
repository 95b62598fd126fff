package vn.phonghop.agenda.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.agenda.voting.Threshold.AT_LEAST_TWO_THIRDS_OF_BASE;
import static vn.phonghop.agenda.voting.Threshold.MORE_THAN_HALF_OF_BASE;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Thresholds are exact fractions compared in integers: 2·yes > base, 3·yes ≥ 2·base. */
class ThresholdTest {

    @ParameterizedTest(name = "more than half: {0} of {1} → {2}")
    @CsvSource({"8,15,true", "7,15,false", "6,10,true", "5,10,false", "1,1,true", "0,1,false", "2,3,true", "1,2,false",
            "801,1600,true", "800,1600,false"})
    void more_than_half(int votes, int base, boolean passes) {
        assertEquals(passes, MORE_THAN_HALF_OF_BASE.reachedBy(votes, base));
    }

    @ParameterizedTest(name = "at least two thirds: {0} of {1} → {2}")
    @CsvSource({"10,15,true", "9,15,false", "2,3,true", "1,3,false", "7,10,true", "6,10,false", "4,6,true",
            "3,6,false", "1067,1600,true", "1066,1600,false"})
    void at_least_two_thirds(int votes, int base, boolean passes) {
        assertEquals(passes, AT_LEAST_TWO_THIRDS_OF_BASE.reachedBy(votes, base));
    }

    @Test
    @DisplayName("Nothing passes on an empty base, not even an inclusive threshold with no votes")
    void empty_base_never_passes() {
        assertFalse(AT_LEAST_TWO_THIRDS_OF_BASE.reachedBy(0, 0));
        assertFalse(MORE_THAN_HALF_OF_BASE.reachedBy(3, 0));
    }

    @Test
    @DisplayName("The minimum number of votes is the smallest that reaches the threshold")
    void minimum_votes() {
        assertEquals(8, MORE_THAN_HALF_OF_BASE.minimumVotes(15));
        assertEquals(6, MORE_THAN_HALF_OF_BASE.minimumVotes(10));
        assertEquals(10, AT_LEAST_TWO_THIRDS_OF_BASE.minimumVotes(15));
        assertEquals(1, MORE_THAN_HALF_OF_BASE.minimumVotes(1));
        for (int base = 1; base <= 200; base++) {
            long min = AT_LEAST_TWO_THIRDS_OF_BASE.minimumVotes(base);
            assertTrue(AT_LEAST_TWO_THIRDS_OF_BASE.reachedBy(min, base));
            assertFalse(AT_LEAST_TWO_THIRDS_OF_BASE.reachedBy(min - 1, base));
        }
    }

    @Test
    @DisplayName("A threshold is a fraction in (0, 1]")
    void fraction_bounds() {
        assertThrows(IllegalArgumentException.class, () -> new Threshold(Threshold.Basis.MAJORITY_BASE, 3, 2, true));
        assertThrows(IllegalArgumentException.class, () -> new Threshold(Threshold.Basis.MAJORITY_BASE, 0, 2, true));
    }

    @Test
    @DisplayName("The basis picks the majority base or all official members")
    void basis_value() {
        assertEquals(15, MORE_THAN_HALF_OF_BASE.basisValue(15, 17));
        assertEquals(17, Threshold.AT_LEAST_TWO_THIRDS_OF_OFFICIAL.basisValue(15, 17));
    }
}
