package vn.phonghop.agenda.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.agenda.meeting.MeetingFixture.CHAIR;
import static vn.phonghop.agenda.meeting.MeetingFixture.no;
import static vn.phonghop.agenda.meeting.MeetingFixture.yes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.phonghop.agenda.meeting.Meeting;
import vn.phonghop.agenda.meeting.MeetingCommand.CastVote;
import vn.phonghop.agenda.meeting.MeetingCommand.ClosePoll;
import vn.phonghop.agenda.meeting.MeetingEvent;
import vn.phonghop.agenda.meeting.MeetingEvent.PollClosed;
import vn.phonghop.agenda.meeting.MeetingEvent.VoteCast;
import vn.phonghop.agenda.meeting.MeetingEvent.VoterMarked;
import vn.phonghop.agenda.meeting.MeetingFixture;
import vn.phonghop.agenda.meeting.Rejection.Reason;

/**
 * A secret ballot is not an event of the ordered log: the log gets VoterMarked (who has voted),
 * the choice goes to an unordered ballot box with a random id, and the tally enters the log only
 * when the poll closes.
 */
class SecretBallotTest {

    private static MeetingFixture secretPoll() {
        return MeetingFixture.given().runningCellOf(7).checkedInRange(1, 7)
                .poll("s1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SECRET).opened("s1");
    }

    @Test
    @DisplayName("A secret vote produces VoterMarked in the log and the choice only in the ballot box")
    void secret_vote_splits_voter_and_choice() {
        var f = secretPoll();
        f.when(new CastVote("s1", "m03", yes(), "rnd-7f3a", "m03", f.now()));
        var accepted = f.thenAccepted();
        assertEquals(1, accepted.events().size());
        var marked = assertInstanceOf(VoterMarked.class, accepted.events().get(0));
        assertEquals("m03", marked.voterId());
        assertEquals(1, accepted.ballots().size());
        var ballot = accepted.ballots().get(0);
        assertEquals("rnd-7f3a", ballot.ballotId());
        assertEquals(yes(), ballot.choice());
    }

    @Test
    @DisplayName("No event of a secret poll's log, nor its ballot box, links a member to a choice")
    void nothing_links_member_to_choice() {
        var f = secretPoll().vote("s1", "m01", yes()).vote("s1", "m02", no()).vote("s1", "m03", yes()).closed("s1");
        for (MeetingEvent e : f.log()) {
            assertFalse(e instanceof VoteCast, "a secret poll wrote a VoteCast: " + e);
            if (e instanceof VoterMarked m) assertFalse(m.toString().contains("FOR") || m.toString().contains("AGAINST"));
        }
        for (SecretBallot b : f.ballotBox()) {
            for (int i = 1; i <= 7; i++) assertFalse(b.toString().contains(MeetingFixture.id(i)), "ballot names a member: " + b);
        }
        var closed = (Poll.Closed) f.state().polls().get("s1");
        assertTrue(closed.openChoices().isEmpty(), "the state keeps no member-to-choice map for a secret poll");
    }

    @Test
    @DisplayName("The tally at close is the ballot box's, and enters the log with PollClosed")
    void tally_enters_log_at_close() {
        var f = secretPoll().vote("s1", "m01", yes()).vote("s1", "m02", no()).vote("s1", "m03", yes())
                .vote("s1", "m04", yes()).vote("s1", "m05", yes());
        f.when(new ClosePoll("s1", CHAIR, f.now()));
        var closed = f.thenSingle(PollClosed.class);
        assertEquals(5, closed.tally().ballots());
        assertEquals(4, closed.tally().count("FOR"));
        assertTrue(closed.result().passed(), "4 of a base of 7 is more than half");
    }

    @Test
    @DisplayName("The same secret ballot cannot be cast twice by one member")
    void one_ballot_per_member() {
        var f = secretPoll().vote("s1", "m03", yes());
        f.when(new CastVote("s1", "m03", yes(), "another", "m03", f.now()));
        f.thenRejectedWith(Reason.ALREADY_VOTED);
    }

    @Test
    @DisplayName("A secret ballot needs a random ballot id from outside")
    void ballot_id_required() {
        var f = secretPoll();
        f.when(new CastVote("s1", "m03", yes(), " ", "m03", f.now()));
        f.thenRejectedWith(Reason.MISSING_BALLOT_ID);
    }

    @Test
    @DisplayName("Rebuilding from the log and the ballot box in any order gives the same meeting")
    void rebuild_is_order_independent() {
        var f = secretPoll().vote("s1", "m01", yes()).vote("s1", "m02", no()).vote("s1", "m03", yes())
                .vote("s1", "m04", no());
        var box = new ArrayList<>(f.ballotBox());
        Collections.shuffle(box, new Random(42));
        var rebuilt = Meeting.rebuild(f.log(), box);
        assertEquals(f.state(), rebuilt);
        var open = rebuilt.openPoll().orElseThrow();
        assertEquals(2, open.tally().count("FOR"));
        assertEquals(4, open.voted().size());
    }

    @Test
    @DisplayName("A ballot for a poll that has closed is not counted again on rebuild")
    void ballots_of_closed_poll_not_recounted() {
        var f = secretPoll().vote("s1", "m01", yes()).vote("s1", "m02", yes()).closed("s1");
        var rebuilt = Meeting.rebuild(f.log(), f.ballotBox());
        var closed = (Poll.Closed) rebuilt.polls().get("s1");
        assertEquals(2, closed.tally().count("FOR"));
        assertEquals(f.state(), rebuilt);
    }

    @Test
    @DisplayName("An open ballot, by contrast, is a public VoteCast event with its choice")
    void open_vote_is_public() {
        var f = MeetingFixture.given().runningCellOf(3).checkedInRange(1, 3)
                .poll("o1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS).opened("o1");
        f.when(new CastVote("o1", "m02", no(), null, "m02", f.now()));
        var cast = f.thenSingle(VoteCast.class);
        assertEquals(no(), cast.choice());
        assertTrue(f.thenAccepted().ballots().isEmpty());
    }
}
