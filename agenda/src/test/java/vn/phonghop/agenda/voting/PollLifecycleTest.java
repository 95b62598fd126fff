package vn.phonghop.agenda.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.agenda.meeting.MeetingFixture.CHAIR;
import static vn.phonghop.agenda.meeting.MeetingFixture.abstain;
import static vn.phonghop.agenda.meeting.MeetingFixture.no;
import static vn.phonghop.agenda.meeting.MeetingFixture.yes;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingEvent.*;
import vn.phonghop.agenda.meeting.MeetingFixture;
import vn.phonghop.agenda.meeting.Rejection.Reason;

/** Draft → open → cast (and change, where allowed) → close → shown. */
class PollLifecycleTest {

    private static MeetingFixture fivePresent() {
        return MeetingFixture.given().runningCellOf(5).checkedInRange(1, 5);
    }

    private static CreatePoll motion(String id, BallotMode mode, boolean changeAllowed, MeetingFixture f) {
        return new CreatePoll(id, "i1", "Thông qua nghị quyết", DecisionKind.ORDINARY_RESOLUTION, mode, List.of(), 0,
                List.of(), changeAllowed, CHAIR, f.now());
    }

    @Test
    @DisplayName("Creating a poll records its spec with the meeting's rule set")
    void create_records_rule_set() {
        var f = fivePresent();
        f.when(motion("p1", BallotMode.SHOW_OF_HANDS, false, f));
        var spec = f.thenSingle(PollCreated.class).spec();
        assertEquals("294-QĐ/TW", spec.ruleSetId());
        assertInstanceOf(Poll.Draft.class, f.state().polls().get("p1"));
    }

    @Test
    @DisplayName("Without a ballot mode the decision kind's default applies")
    void default_mode_from_kind() {
        var f = fivePresent();
        f.when(new CreatePoll("p1", "i1", "Kết nạp quần chúng Lê Văn A", DecisionKind.ADMISSION, null, List.of(), 0,
                List.of(), false, CHAIR, f.now()));
        assertEquals(BallotMode.SECRET, f.thenSingle(PollCreated.class).spec().mode());
    }

    @Test
    @DisplayName("The same poll id twice is refused")
    void duplicate_poll_id() {
        var f = fivePresent().poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS);
        f.when(motion("p1", BallotMode.SHOW_OF_HANDS, false, f));
        f.thenRejectedWith(Reason.POLL_ALREADY_EXISTS);
    }

    @Test
    @DisplayName("A poll needs an agenda item and a question")
    void poll_needs_item_and_question() {
        var f = fivePresent();
        f.when(new CreatePoll("p1", "nope", "Câu hỏi", DecisionKind.ORDINARY_RESOLUTION, null, List.of(), 0, List.of(),
                false, CHAIR, f.now()));
        f.thenRejectedWith(Reason.UNKNOWN_ITEM);
        f.when(new CreatePoll("p1", "i1", "  ", DecisionKind.ORDINARY_RESOLUTION, null, List.of(), 0, List.of(),
                false, CHAIR, f.now()));
        f.thenRejectedWith(Reason.EMPTY_TEXT);
    }

    @Test
    @DisplayName("A poll may be prepared before the meeting, but opens only while it runs")
    void prepared_before_opened_during() {
        var f = MeetingFixture.given().scheduled().officials(1, 3).roles().item("i1", "Nghị quyết")
                .poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS).published();
        f.when(new OpenPoll("p1", CHAIR, f.now()));
        f.thenRejectedWith(Reason.MEETING_NOT_STARTED);
        f.started().checkedInRange(1, 3);
        f.when(new OpenPoll("p1", CHAIR, f.now()));
        f.thenSingle(PollOpened.class);
    }

    @Test
    @DisplayName("Voting on a poll not yet opened is refused")
    void vote_before_open() {
        var f = fivePresent().poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS);
        f.when(new CastVote("p1", "m03", yes(), "b", "m03", f.now()));
        f.thenRejectedWith(Reason.POLL_NOT_OPEN);
    }

    @Test
    @DisplayName("Voting after close is refused")
    void vote_after_close() {
        var f = fivePresent().poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS).opened("p1")
                .vote("p1", "m01", yes()).closed("p1");
        f.when(new CastVote("p1", "m03", yes(), "b", "m03", f.now()));
        f.thenRejectedWith(Reason.POLL_CLOSED);
    }

    @Test
    @DisplayName("An unknown poll is refused by id")
    void unknown_poll() {
        var f = fivePresent();
        f.when(new OpenPoll("zz", CHAIR, f.now()));
        f.thenRejectedWith(Reason.UNKNOWN_POLL);
        f.when(new CastVote("zz", "m01", yes(), "b", "m01", f.now()));
        f.thenRejectedWith(Reason.UNKNOWN_POLL);
    }

    @Test
    @DisplayName("Opening twice, opening a closed poll and opening a second poll are refused")
    void open_rules() {
        var f = fivePresent().poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS)
                .poll("p2", DecisionKind.CONCLUSION, BallotMode.SHOW_OF_HANDS).opened("p1");
        f.when(new OpenPoll("p1", CHAIR, f.now()));
        f.thenRejectedWith(Reason.POLL_ALREADY_OPEN);
        f.when(new OpenPoll("p2", CHAIR, f.now()));
        f.thenRejectedWith(Reason.ANOTHER_POLL_OPEN);
        f.closed("p1");
        f.when(new OpenPoll("p1", CHAIR, f.now()));
        f.thenRejectedWith(Reason.POLL_CLOSED);
        f.when(new OpenPoll("p2", CHAIR, f.now()));
        f.thenSingle(PollOpened.class);
    }

    @Test
    @DisplayName("Closing a draft or closing twice is refused")
    void close_rules() {
        var f = fivePresent().poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS);
        f.when(new ClosePoll("p1", CHAIR, f.now()));
        f.thenRejectedWith(Reason.POLL_NOT_OPEN);
        f.opened("p1").closed("p1");
        f.when(new ClosePoll("p1", CHAIR, f.now()));
        f.thenRejectedWith(Reason.POLL_CLOSED);
    }

    @Test
    @DisplayName("A second vote is refused where changing is off")
    void second_vote_refused_without_change() {
        var f = fivePresent().poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS).opened("p1")
                .vote("p1", "m03", yes());
        f.when(new CastVote("p1", "m03", no(), "b", "m03", f.now()));
        f.thenRejectedWith(Reason.ALREADY_VOTED);
    }

    @Test
    @DisplayName("Where changing is allowed, an open vote replaces the earlier one and is counted once")
    void change_of_open_vote() {
        var f = fivePresent();
        f.ok(motion("p1", BallotMode.SHOW_OF_HANDS, true, f)).opened("p1").vote("p1", "m03", yes())
                .vote("p1", "m03", no()).vote("p1", "m04", yes()).closed("p1");
        var closed = (Poll.Closed) f.state().polls().get("p1");
        assertEquals(2, closed.tally().ballots());
        assertEquals(1, closed.tally().count("FOR"));
        assertEquals(1, closed.tally().count("AGAINST"));
    }

    @Test
    @DisplayName("A secret ballot can never be changed, even where the poll allows changes")
    void secret_vote_never_changes() {
        var f = fivePresent();
        f.ok(motion("p1", BallotMode.SECRET, true, f)).opened("p1").vote("p1", "m03", yes());
        f.when(new CastVote("p1", "m03", no(), "b2", "m03", f.now()));
        f.thenRejectedWith(Reason.ALREADY_VOTED);
    }

    @Test
    @DisplayName("A choice of the wrong shape for the poll is refused")
    void choice_shape_must_match() {
        var f = fivePresent().poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS).opened("p1");
        f.when(new CastVote("p1", "m03", new Choice.Election(Set.of("m01")), "b", "m03", f.now()));
        f.thenRejectedWith(Reason.NOT_A_CHOICE_FOR_THIS_POLL);
        f.when(new CastVote("p1", "m03", new Choice.Motion(null), "b", "m03", f.now()));
        f.thenRejectedWith(Reason.NOT_A_CHOICE_FOR_THIS_POLL);
        f.when(new CastVote("p1", "m03", null, "b", "m03", f.now()));
        f.thenRejectedWith(Reason.NOT_A_CHOICE_FOR_THIS_POLL);
    }

    @Test
    @DisplayName("Abstentions are counted as ballots but not in favour")
    void abstentions_count_as_ballots() {
        var f = fivePresent().poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS).opened("p1")
                .vote("p1", "m01", yes()).vote("p1", "m02", yes()).vote("p1", "m03", abstain())
                .vote("p1", "m04", abstain()).vote("p1", "m05", no());
        f.when(new ClosePoll("p1", CHAIR, f.now()));
        var r = (PollResult.Motion) f.thenSingle(PollClosed.class).result();
        assertEquals(5, r.ballots());
        assertEquals(2, r.abstainVotes());
        assertEquals(false, r.passed());
    }

    @Test
    @DisplayName("The result is shown once, only after closing")
    void show_result_rules() {
        var f = fivePresent().poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS).opened("p1");
        f.when(new ShowResult("p1", CHAIR, f.now()));
        f.thenRejectedWith(Reason.POLL_NOT_CLOSED);
        f.votes("p1", yes(), 1, 5).closed("p1");
        f.when(new ShowResult("p1", CHAIR, f.now()));
        f.thenSingle(PollResultShown.class);
        assertTrue(((Poll.Closed) f.state().polls().get("p1")).shown());
        f.when(new ShowResult("p1", CHAIR, f.now()));
        f.thenRejectedWith(Reason.RESULT_ALREADY_SHOWN);
    }

    @Test
    @DisplayName("The meeting cannot close while a poll is open")
    void meeting_close_waits_for_poll() {
        var f = fivePresent().poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS).opened("p1");
        f.when(new CloseMeeting(CHAIR, f.now()));
        f.thenRejectedWith(Reason.POLL_STILL_OPEN);
        f.closed("p1");
        f.when(new CloseMeeting(CHAIR, f.now()));
        f.thenAccepted();
    }

    @Test
    @DisplayName("Votes in a closed meeting are refused")
    void vote_in_closed_meeting() {
        var f = fivePresent().poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS);
        f.ok(new CloseMeeting(CHAIR, f.now()));
        f.when(new CastVote("p1", "m01", yes(), "b", "m01", f.now()));
        f.thenRejectedWith(Reason.MEETING_CLOSED);
    }

    @Test
    @DisplayName("The live count of who has voted grows with each ballot")
    void voted_count_for_live_view() {
        var f = fivePresent().poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SECRET).opened("p1")
                .vote("p1", "m01", yes()).vote("p1", "m02", no());
        var open = f.state().openPoll().orElseThrow();
        assertEquals(2, open.voted().size());
        assertEquals(5, f.state().figures().presentVoters());
    }

    @Test
    @DisplayName("A ballot mode the decision kind does not allow is refused")
    void mode_must_be_allowed() {
        var f = fivePresent();
        f.when(new CreatePoll("p1", "i1", "Khai trừ đảng viên", DecisionKind.EXPULSION, BallotMode.SHOW_OF_HANDS,
                List.of(), 0, List.of(), false, CHAIR, f.now()));
        f.thenRejectedWith(Reason.BALLOT_MODE_NOT_ALLOWED);
        f.when(new CreatePoll("p2", "i1", "Bầu đoàn chủ tịch", DecisionKind.PROCEDURAL, BallotMode.SECRET,
                List.of(), 0, List.of(), false, CHAIR, f.now()));
        f.thenRejectedWith(Reason.BALLOT_MODE_NOT_ALLOWED);
    }

    @Test
    @DisplayName("The meeting chooses secret or party card for an admission; show of hands is refused")
    void admission_modes() {
        var f = fivePresent();
        for (var mode : new BallotMode[] {BallotMode.SECRET, BallotMode.PARTY_CARD}) {
            f.when(new CreatePoll("p-" + mode, "i1", "Kết nạp", DecisionKind.ADMISSION, mode, List.of(), 0, List.of(),
                    false, CHAIR, f.now()));
            f.thenSingle(PollCreated.class);
        }
        f.when(new CreatePoll("p3", "i1", "Kết nạp", DecisionKind.ADMISSION, BallotMode.SHOW_OF_HANDS, List.of(), 0,
                List.of(), false, CHAIR, f.now()));
        f.thenRejectedWith(Reason.BALLOT_MODE_NOT_ALLOWED);
    }
}
