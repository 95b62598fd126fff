package vn.phonghop.agenda.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rule sets are versioned and effective-dated; 294-QĐ/TW (from 2025-07-01) is the default. */
class RuleSetsTest {

    @Test
    @DisplayName("294-QĐ/TW is in force from 1 July 2025 and is the default")
    void default_is_294() {
        assertEquals("294-QĐ/TW", RuleSets.DEFAULT.id());
        assertEquals(LocalDate.of(2025, 7, 1), RuleSets.DEFAULT.effectiveFrom());
        assertEquals("294-QĐ/TW", RuleSets.inForceOn(LocalDate.of(2025, 7, 1)).orElseThrow().id());
        assertEquals("42-HD/BTCTW", RuleSets.DEFAULT.cellGuidance());
    }

    @Test
    @DisplayName("A date picks the newest rule set in force on it")
    void in_force_on_date() {
        assertEquals("232-QĐ/TW", RuleSets.inForceOn(LocalDate.of(2025, 6, 30)).orElseThrow().id());
        assertEquals("24-QĐ/TW", RuleSets.inForceOn(LocalDate.of(2024, 12, 31)).orElseThrow().id());
        assertTrue(RuleSets.inForceOn(LocalDate.of(2020, 1, 1)).isEmpty());
    }

    @Test
    @DisplayName("Rule sets are found by id; an unknown id finds none")
    void by_id() {
        assertEquals(RuleSets.QD24_2021, RuleSets.byId("24-QĐ/TW").orElseThrow());
        assertTrue(RuleSets.byId("999-QĐ/TW").isEmpty());
        assertEquals(3, RuleSets.all().size());
    }

    @ParameterizedTest
    @EnumSource(DecisionKind.class)
    @DisplayName("Every rule set has a rule for every decision kind, whose default mode is allowed")
    void every_kind_has_a_rule(DecisionKind kind) {
        for (var rs : RuleSets.all()) {
            var rule = rs.rule(kind);
            assertTrue(rule.allowedModes().contains(rule.defaultMode()));
        }
    }

    @Test
    @DisplayName("DOMAIN.md's table: thresholds and ballots by decision kind")
    void thresholds_by_kind() {
        var r = RuleSets.DEFAULT;
        assertEquals(Threshold.MORE_THAN_HALF_OF_BASE, r.rule(DecisionKind.ORDINARY_RESOLUTION).threshold());
        assertEquals(Threshold.MORE_THAN_HALF_OF_BASE, r.rule(DecisionKind.CONCLUSION).threshold());
        assertEquals(Threshold.AT_LEAST_TWO_THIRDS_OF_OFFICIAL, r.rule(DecisionKind.ADMISSION).threshold());
        assertEquals(Threshold.AT_LEAST_TWO_THIRDS_OF_OFFICIAL, r.rule(DecisionKind.PROBATION_CONFIRMATION).threshold());
        assertEquals(Threshold.MORE_THAN_HALF_OF_BASE, r.rule(DecisionKind.DISCIPLINE).threshold());
        assertEquals(Threshold.AT_LEAST_TWO_THIRDS_OF_BASE, r.rule(DecisionKind.EXPULSION).threshold());
        assertEquals(Threshold.MORE_THAN_HALF_OF_BASE, r.rule(DecisionKind.ELECTION).threshold());
        assertEquals(Threshold.MORE_THAN_HALF_OF_BASE, r.rule(DecisionKind.PROCEDURAL).threshold());
        assertEquals(BallotMode.SHOW_OF_HANDS, r.rule(DecisionKind.ORDINARY_RESOLUTION).defaultMode());
        assertTrue(r.rule(DecisionKind.ORDINARY_RESOLUTION).meetingChooses());
        assertEquals(Set.of(BallotMode.SECRET, BallotMode.PARTY_CARD), r.rule(DecisionKind.ADMISSION).allowedModes());
        assertEquals(Set.of(BallotMode.SECRET), r.rule(DecisionKind.DISCIPLINE).allowedModes());
        assertEquals(Set.of(BallotMode.SECRET), r.rule(DecisionKind.EXPULSION).allowedModes());
        assertEquals(Set.of(BallotMode.SECRET), r.rule(DecisionKind.ELECTION).allowedModes());
        assertEquals(Set.of(BallotMode.SHOW_OF_HANDS), r.rule(DecisionKind.PROCEDURAL).allowedModes());
        assertEquals(Threshold.AT_LEAST_TWO_THIRDS_OF_BASE, r.disciplineThresholds().get(DisciplineForm.EXPULSION));
        assertEquals(Threshold.MORE_THAN_HALF_OF_BASE, r.disciplineThresholds().get(DisciplineForm.WARNING));
    }

    @Test
    @DisplayName("Other values: 30% candidate surplus, 90-minute regular meeting, one day's notice, 85% attendance, 3 members")
    void other_values() {
        var r = RuleSets.DEFAULT;
        assertEquals(30, r.candidateSurplusPercent());
        assertEquals(90, r.regularMeetingMinimumMinutes());
        assertEquals(1, r.publishLeadDays());
        assertEquals(85, r.attendanceQualityPercent());
        assertEquals(3, r.minimumOfficialMembersOfCell());
        assertTrue(r.candidatesWithinSurplus(13, 10));
        assertFalse(r.candidatesWithinSurplus(14, 10));
        assertTrue(r.candidatesWithinSurplus(9, 7));
        assertFalse(r.candidatesWithinSurplus(10, 7));
    }

    @Test
    @DisplayName("A rule set missing a decision kind cannot be built")
    void incomplete_rule_set_refused() {
        assertThrows(IllegalArgumentException.class, () -> new RuleSet("x", "x", LocalDate.now(java.time.Clock.systemUTC()),
                "x", Map.of(), RuleSets.DEFAULT.disciplineThresholds(), 30, RuleSets.DEFAULT.defaultQuorum(), 90, 1, 85, 3));
    }
}
