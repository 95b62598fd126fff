package vn.phonghop.agenda.meeting;

import java.time.Instant;
import vn.phonghop.agenda.roster.Organisation;
import vn.phonghop.agenda.voting.RuleSet;

/** What a meeting is, fixed when it is scheduled: who holds it, what kind, where, under which rules. */
public record MeetingHeader(String meetingId, Organisation organisation, MeetingKind kind, String title, String venue,
                            String place, String zoneId, Instant plannedStart, RuleSet ruleSet) {
}
