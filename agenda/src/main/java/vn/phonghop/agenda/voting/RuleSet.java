package vn.phonghop.agenda.voting;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import vn.phonghop.agenda.attendance.QuorumRule;

/**
 * One version of the Party's meeting rules, in force from a date. A meeting records the rule set
 * it ran under and its minutes name it. Values unconfirmed by the sources (quorum) are kept here
 * as configuration rather than in code.
 */
public record RuleSet(String id, String title, LocalDate effectiveFrom, String cellGuidance,
                      Map<DecisionKind, DecisionRule> decisions, Map<DisciplineForm, Threshold> disciplineThresholds,
                      int candidateSurplusPercent, QuorumRule defaultQuorum, int regularMeetingMinimumMinutes,
                      int publishLeadDays, int attendanceQualityPercent, int minimumOfficialMembersOfCell) {

    public RuleSet {
        Objects.requireNonNull(id, "id");
        decisions = Map.copyOf(new EnumMap<>(decisions));
        disciplineThresholds = Map.copyOf(new EnumMap<>(disciplineThresholds));
        for (var k : DecisionKind.values()) {
            if (!decisions.containsKey(k)) throw new IllegalArgumentException(id + " has no rule for " + k);
        }
        for (var f : DisciplineForm.values()) {
            if (!disciplineThresholds.containsKey(f)) throw new IllegalArgumentException(id + " has no threshold for " + f);
        }
    }

    public DecisionRule rule(DecisionKind kind) {
        return decisions.get(kind);
    }

    /** At most {@code candidateSurplusPercent} more candidates than seats: 100·c ≤ (100 + p)·s. */
    public boolean candidatesWithinSurplus(int candidates, int seats) {
        return 100L * candidates <= (100L + candidateSurplusPercent) * seats;
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom);
    }
}
