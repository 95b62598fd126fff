package vn.phonghop.agenda.meeting;

import java.time.Instant;
import java.util.List;
import vn.phonghop.agenda.attendance.QuorumRule;
import vn.phonghop.agenda.items.AgendaTemplate;
import vn.phonghop.agenda.items.DocumentRef;
import vn.phonghop.agenda.roster.Guest;
import vn.phonghop.agenda.roster.Organisation;
import vn.phonghop.agenda.roster.Member;
import vn.phonghop.agenda.roster.MeetingRole;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Standing;
import vn.phonghop.agenda.voting.BallotMode;
import vn.phonghop.agenda.voting.Candidate;
import vn.phonghop.agenda.voting.Choice;
import vn.phonghop.agenda.voting.DecisionKind;
import vn.phonghop.agenda.voting.DisciplineForm;

/**
 * Everything one can ask of a meeting. Each command says who asks ({@code by}, a person id) and
 * when ({@code at}): the domain reads no clock. Ids of new things come from outside.
 */
public sealed interface MeetingCommand {

    String by();

    Instant at();

    // --- preparing -------------------------------------------------------------------------
    /** {@code ruleSetId} null: the rule set in force on the planned date. */
    record ScheduleMeeting(String meetingId, Organisation organisation, MeetingKind kind, String title, String venue,
                           String place, String zoneId, Instant plannedStart, String ruleSetId, String by, Instant at)
            implements MeetingCommand { }
    record RegisterMember(Member member, String by, Instant at) implements MeetingCommand { }
    /** Registers many members at once, all or none (a roster import). */
    record RegisterMembers(List<Member> members, String by, Instant at) implements MeetingCommand {
        public RegisterMembers {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }
    record ChangeStanding(String memberId, Membership membership, Standing standing, String by, Instant at)
            implements MeetingCommand { }
    record RemoveMember(String memberId, String by, Instant at) implements MeetingCommand { }
    record InviteGuest(Guest guest, String by, Instant at) implements MeetingCommand { }
    /** Appoints the chair or the minute-taker (only those two roles are assigned). */
    record AssignRole(String memberId, MeetingRole role, String by, Instant at) implements MeetingCommand { }
    record SetQuorumRule(QuorumRule rule, String by, Instant at) implements MeetingCommand { }
    record AddAgendaItem(String itemId, String parentId, String title, int plannedMinutes, String by, Instant at)
            implements MeetingCommand { }
    record ApplyTemplate(AgendaTemplate template, String idPrefix, String by, Instant at) implements MeetingCommand { }
    record EditAgendaItem(String itemId, String title, int plannedMinutes, String by, Instant at)
            implements MeetingCommand { }
    record RemoveAgendaItem(String itemId, String by, Instant at) implements MeetingCommand { }
    record MoveAgendaItem(String itemId, int newIndex, String by, Instant at) implements MeetingCommand { }
    record AttachDocument(String itemId, DocumentRef document, String by, Instant at) implements MeetingCommand { }
    record DetachDocument(String itemId, String documentId, String by, Instant at) implements MeetingCommand { }
    record PublishMeeting(String by, Instant at) implements MeetingCommand { }

    // --- running ---------------------------------------------------------------------------
    record StartMeeting(String by, Instant at) implements MeetingCommand { }
    record CheckIn(String personId, String by, Instant at) implements MeetingCommand { }
    record CheckOut(String personId, String by, Instant at) implements MeetingCommand { }
    /** A blank reason records the absence as without reason. */
    record MarkAbsent(String memberId, String reason, String by, Instant at) implements MeetingCommand { }
    record StartItem(String itemId, String by, Instant at) implements MeetingCommand { }
    record NextItem(String by, Instant at) implements MeetingCommand { }
    record PreviousItem(String by, Instant at) implements MeetingCommand { }
    record SkipItem(String itemId, String by, Instant at) implements MeetingCommand { }

    /** Shows the room a page of a document attached to the agenda; sent again on every page turn. */
    record PresentDocument(String documentId, int page, String by, Instant at) implements MeetingCommand { }
    record StopPresenting(String by, Instant at) implements MeetingCommand { }

    // --- speakers (on the current item) -----------------------------------------------------
    record SetSpeakingLimit(String itemId, int seconds, String by, Instant at) implements MeetingCommand { }
    record RequestFloor(String personId, boolean pointOfOrder, String by, Instant at) implements MeetingCommand { }
    record WithdrawRequest(String personId, String by, Instant at) implements MeetingCommand { }
    record GrantFloor(String personId, String by, Instant at) implements MeetingCommand { }
    record SkipSpeaker(String personId, String by, Instant at) implements MeetingCommand { }
    record MoveSpeaker(String personId, int newIndex, String by, Instant at) implements MeetingCommand { }
    record StartTimer(String by, Instant at) implements MeetingCommand { }
    record StopTimer(String by, Instant at) implements MeetingCommand { }
    record ExtendTime(int seconds, String by, Instant at) implements MeetingCommand { }
    record FinishSpeech(String by, Instant at) implements MeetingCommand { }

    // --- the record ------------------------------------------------------------------------
    record RecordRemark(String remarkId, String itemId, String speakerId, String text, String by, Instant at)
            implements MeetingCommand { }
    record CorrectRemark(String remarkId, String text, String reason, String by, Instant at)
            implements MeetingCommand { }
    record RecordConclusion(String itemId, String text, String by, Instant at) implements MeetingCommand { }

    // --- polls -----------------------------------------------------------------------------
    /** {@code mode} null: the decision kind's default mode. */
    record CreatePoll(String pollId, String itemId, String question, DecisionKind kind, BallotMode mode,
                      List<Candidate> candidates, int seats, List<DisciplineForm> forms, boolean changeAllowed,
                      String by, Instant at) implements MeetingCommand {
        public CreatePoll {
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
            forms = forms == null ? List.of() : List.copyOf(forms);
        }
    }
    record OpenPoll(String pollId, String by, Instant at) implements MeetingCommand { }
    /** {@code ballotId}: a random id from outside, used only for a secret ballot's box entry. */
    record CastVote(String pollId, String voterId, Choice choice, String ballotId, String by, Instant at)
            implements MeetingCommand { }
    record ClosePoll(String pollId, String by, Instant at) implements MeetingCommand { }
    record ShowResult(String pollId, String by, Instant at) implements MeetingCommand { }

    // --- ending ----------------------------------------------------------------------------
    record CloseMeeting(String by, Instant at) implements MeetingCommand { }
    record ArchiveMeeting(String by, Instant at) implements MeetingCommand { }
}
