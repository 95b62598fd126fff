package vn.phonghop.agenda.attendance;

import vn.phonghop.agenda.roster.Member;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Roster;
import vn.phonghop.agenda.roster.Standing;

/**
 * The figures the chair reports at the opening and the rules depend on.
 * <p>
 * The majority base is the official members of the body minus those temporarily attached
 * elsewhere, those suspended (or prosecuted, detained), and those exempt from activities who are
 * absent; an exempt member who attends is counted. Absent members who are not exempt stay in the
 * base, so absence counts against a motion. Presence does not otherwise change the base.
 * <p>
 * Attendance percentage is present members over the members expected to attend (the base plus
 * probationary members who are active), in hundredths of a percent.
 */
public record AttendanceFigures(int officialMembers, int probationaryMembers, int officialPresent,
                                int probationaryPresent, int guestsPresent, int absentWithReason,
                                int absentWithoutReason, int exemptAbsent, int majorityBase, int expected, int presentOfExpected,
                                int attendanceHundredthsOfPercent, int presentVoters, boolean quorumMet) {

    public static AttendanceFigures of(Roster roster, Attendance attendance, QuorumRule quorum) {
        int official = 0, probationary = 0, officialPresent = 0, probationaryPresent = 0;
        int withReason = 0, withoutReason = 0, exemptAbsent = 0, base = 0, expected = 0, presentVoters = 0;
        int presentExpected = 0;
        for (Member m : roster.memberList()) {
            boolean isOfficial = m.membership() == Membership.OFFICIAL;
            boolean present = attendance.present(m.id());
            boolean attended = attendance.attended(m.id());
            if (isOfficial) official++; else probationary++;
            if (present && isOfficial) officialPresent++;
            if (present && !isOfficial) probationaryPresent++;
            if (present && m.mayVote()) presentVoters++;
            if (inBase(m, attended)) base++;
            boolean isExpected = m.standing() == Standing.ACTIVE || (m.standing() == Standing.EXEMPT && attended);
            if (isExpected) expected++;
            if (isExpected && present) presentExpected++;
            if (m.standing() == Standing.EXEMPT && !attended) exemptAbsent++;
            var p = attendance.of(m.id());
            if (isExpected && !attended) {
                if (p.isPresent() && p.get().excused()) withReason++; else withoutReason++;
            }
        }
        int guests = (int) roster.guests().keySet().stream().filter(attendance::present).count();
        int pct = expected == 0 ? 0 : (int) ((presentExpected * 20000L + expected) / (2L * expected));
        return new AttendanceFigures(official, probationary, officialPresent, probationaryPresent, guests, withReason,
                withoutReason, exemptAbsent, base, expected, presentExpected, pct, presentVoters, quorum.metBy(presentVoters, base));
    }

    /** Attendance strictly above {@code percent} of those expected, compared exactly. */
    public boolean attendanceAbove(int percent) {
        return 100L * presentOfExpected > (long) percent * expected;
    }

    /** Whether a member counts in the majority base, given whether they attended the meeting. */
    public static boolean inBase(Member m, boolean attended) {
        if (m.membership() != Membership.OFFICIAL) return false;
        return switch (m.standing()) {
            case ACTIVE -> true;
            case EXEMPT -> attended;
            case ATTACHED_ELSEWHERE, SUSPENDED -> false;
        };
    }
}
