package vn.phonghop.agenda.meeting;

import java.time.Instant;
import vn.phonghop.agenda.attendance.QuorumRule;
import vn.phonghop.agenda.items.DocumentRef;
import vn.phonghop.agenda.roster.Guest;
import vn.phonghop.agenda.roster.MeetingRole;
import vn.phonghop.agenda.roster.Member;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Organisation;
import vn.phonghop.agenda.roster.Standing;
import vn.phonghop.agenda.voting.Choice;
import vn.phonghop.agenda.voting.PollResult;
import vn.phonghop.agenda.voting.PollSpec;
import vn.phonghop.agenda.voting.Tally;

/**
 * What happened in a meeting, in the order of its log. A secret ballot is deliberately not here:
 * the log holds {@link VoterMarked} (who has voted), the choice goes to the unordered ballot box,
 * and the tally enters the log only with {@link PollClosed}.
 */
public sealed interface MeetingEvent {

    Instant at();

    record MeetingScheduled(String meetingId, Organisation organisation, MeetingKind kind, String title, String venue,
                            String place, String zoneId, Instant plannedStart, String ruleSetId, String convenorId,
                            Instant at) implements MeetingEvent { }
    record MemberRegistered(Member member, Instant at) implements MeetingEvent { }
    record MemberStandingChanged(String memberId, Membership membership, Standing standing, Instant at)
            implements MeetingEvent { }
    record MemberRemoved(String memberId, Instant at) implements MeetingEvent { }
    record GuestInvited(Guest guest, Instant at) implements MeetingEvent { }
    record RoleAssigned(String memberId, MeetingRole role, Instant at) implements MeetingEvent { }
    record QuorumRuleSet(QuorumRule rule, Instant at) implements MeetingEvent { }
    record AgendaItemAdded(String itemId, String parentId, String title, int plannedMinutes, Instant at)
            implements MeetingEvent { }
    record AgendaItemEdited(String itemId, String title, int plannedMinutes, Instant at) implements MeetingEvent { }
    record AgendaItemRemoved(String itemId, Instant at) implements MeetingEvent { }
    record AgendaItemMoved(String itemId, int newIndex, Instant at) implements MeetingEvent { }
    record DocumentAttached(String itemId, DocumentRef document, Instant at) implements MeetingEvent { }
    record DocumentDetached(String itemId, String documentId, Instant at) implements MeetingEvent { }
    record MeetingPublished(Instant at) implements MeetingEvent { }

    record MeetingStarted(Instant at) implements MeetingEvent { }
    record CheckedIn(String personId, boolean late, Instant at) implements MeetingEvent { }
    record CheckedOut(String personId, Instant at) implements MeetingEvent { }
    record MarkedAbsent(String memberId, String reason, Instant at) implements MeetingEvent { }
    /** {@code fromItemId} or {@code toItemId} is null before the first item and after the last. */
    record CurrentItemChanged(String fromItemId, String toItemId, Instant at) implements MeetingEvent { }
    record ItemSkipped(String itemId, Instant at) implements MeetingEvent { }
    record DocumentPresented(String itemId, String documentId, int page, Instant at) implements MeetingEvent { }
    record PresentationStopped(Instant at) implements MeetingEvent { }

    record SpeakingLimitSet(String itemId, int seconds, Instant at) implements MeetingEvent { }
    record FloorRequested(String itemId, String personId, boolean pointOfOrder, Instant at) implements MeetingEvent { }
    record FloorRequestWithdrawn(String itemId, String personId, Instant at) implements MeetingEvent { }
    record FloorGranted(String itemId, String personId, int limitSeconds, Instant at) implements MeetingEvent { }
    record SpeakerSkipped(String itemId, String personId, Instant at) implements MeetingEvent { }
    record SpeakerMoved(String itemId, String personId, int newIndex, Instant at) implements MeetingEvent { }
    record SpeakingTimerStarted(String itemId, Instant at) implements MeetingEvent { }
    record SpeakingTimerStopped(String itemId, Instant at) implements MeetingEvent { }
    record SpeakingTimeExtended(String itemId, int seconds, Instant at) implements MeetingEvent { }
    record SpeechFinished(String itemId, String personId, long durationSeconds, Instant at) implements MeetingEvent { }

    record RemarkRecorded(String remarkId, String itemId, String speakerId, String text, String by, Instant at)
            implements MeetingEvent { }
    record RemarkCorrected(String remarkId, String text, String reason, String by, Instant at) implements MeetingEvent { }
    record ConclusionRecorded(String itemId, String text, String by, Instant at) implements MeetingEvent { }

    record PollCreated(PollSpec spec, Instant at) implements MeetingEvent { }
    record PollOpened(String pollId, Instant at) implements MeetingEvent { }
    /** An open (show of hands, party card) vote: who chose what is public. */
    record VoteCast(String pollId, String voterId, Choice choice, Instant at) implements MeetingEvent { }
    /** A secret vote: only that this member has voted. */
    record VoterMarked(String pollId, String voterId, Instant at) implements MeetingEvent { }
    record PollClosed(String pollId, Tally tally, PollResult result, Instant at) implements MeetingEvent { }
    record PollResultShown(String pollId, Instant at) implements MeetingEvent { }

    record MeetingClosed(Instant at) implements MeetingEvent { }
    record MeetingArchived(Instant at) implements MeetingEvent { }
}
