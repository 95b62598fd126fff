package vn.phonghop.agenda.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.roster.BodyKind;
import vn.phonghop.agenda.roster.Guest;
import vn.phonghop.agenda.roster.MeetingRole;
import vn.phonghop.agenda.roster.Member;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Organisation;
import vn.phonghop.agenda.roster.Standing;
import vn.phonghop.agenda.voting.BallotMode;
import vn.phonghop.agenda.voting.Candidate;
import vn.phonghop.agenda.voting.Choice;
import vn.phonghop.agenda.voting.DecisionKind;
import vn.phonghop.agenda.voting.DisciplineForm;
import vn.phonghop.agenda.voting.SecretBallot;

/**
 * Given / when / then for the meeting aggregate. A fixture holds the log so far; {@code when}
 * decides a command against the folded state; accepted decisions are appended so the next step
 * sees them. Time moves forward one minute per command unless a test sets it.
 */
public final class MeetingFixture {
    public static final String CONVENOR = "office";
    public static final String CHAIR = "m01";
    public static final String MINUTE_TAKER = "m02";
    public static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z"); // 08:00 in Hà Nội
    public static final Organisation CELL = new Organisation("cb-1", "Chi bộ Khoa Công nghệ thông tin", BodyKind.CELL,
            "Đảng bộ Trường Đại học Bách khoa Hà Nội", "CB");

    private final List<MeetingEvent> log = new ArrayList<>();
    private final List<SecretBallot> ballotBox = new ArrayList<>();
    private MeetingState state = MeetingState.NONE;
    private Instant now = T0;
    private Decision last;
    private final java.util.Random ballotIds = new java.util.Random(20261120);

    /** Ballot ids are random, as the server draws them: never derived from the voter. */
    public String randomBallotId() {
        return Long.toHexString(ballotIds.nextLong()) + Long.toHexString(ballotIds.nextLong());
    }

    public static MeetingFixture given() {
        return new MeetingFixture();
    }

    // ---- building up a meeting ------------------------------------------------------------

    /** A scheduled regular cell meeting planned two days after T0. */
    public MeetingFixture scheduled() {
        return ok(new ScheduleMeeting("mt-1", CELL, MeetingKind.REGULAR_CELL_MEETING,
                "Sinh hoạt chi bộ thường kỳ tháng 11 năm 2026", "Phòng họp tầng 3, nhà A1", "Hà Nội",
                null, T0.plus(Duration.ofDays(2)), null, CONVENOR, now));
    }

    public MeetingFixture member(String id, String name, Membership membership, Standing standing) {
        return ok(new RegisterMember(new Member(id, name, membership, standing), CONVENOR, now));
    }

    public MeetingFixture official(String id) {
        return member(id, "Đảng viên " + id, Membership.OFFICIAL, Standing.ACTIVE);
    }

    public MeetingFixture officials(int from, int count) {
        for (int i = from; i < from + count; i++) official(id(i));
        return this;
    }

    public static String id(int n) {
        return String.format("m%02d", n);
    }

    public MeetingFixture guest(String id, String name) {
        return ok(new InviteGuest(new Guest(id, name, "Đảng ủy cấp trên"), CONVENOR, now));
    }

    public MeetingFixture roles() {
        ok(new AssignRole(CHAIR, MeetingRole.CHAIR, CONVENOR, now));
        return ok(new AssignRole(MINUTE_TAKER, MeetingRole.MINUTE_TAKER, CONVENOR, now));
    }

    public MeetingFixture item(String id, String title) {
        return ok(new AddAgendaItem(id, null, title, 15, CONVENOR, now));
    }

    public MeetingFixture subItem(String id, String parent, String title) {
        return ok(new AddAgendaItem(id, parent, title, 10, CONVENOR, now));
    }

    public MeetingFixture published() {
        return ok(new PublishMeeting(CONVENOR, now));
    }

    public MeetingFixture started() {
        return ok(new StartMeeting(CHAIR, now));
    }

    public MeetingFixture checkedIn(String... ids) {
        for (String id : ids) ok(new CheckIn(id, id, now));
        return this;
    }

    public MeetingFixture checkedInRange(int from, int count) {
        for (int i = from; i < from + count; i++) checkedIn(id(i));
        return this;
    }

    public MeetingFixture absent(String id, String reason) {
        return ok(new MarkAbsent(id, reason, CHAIR, now));
    }

    public MeetingFixture currentItem(String id) {
        return ok(new StartItem(id, CHAIR, now));
    }

    /**
     * A cell of {@code officials} official members m01…, with chair m01 and minute-taker m02,
     * one agenda item "i1", published and started, nobody checked in yet.
     */
    public MeetingFixture runningCellOf(int officials) {
        scheduled().officials(1, officials).roles().item("i1", "Thảo luận và biểu quyết nghị quyết").published();
        return started().currentItem("i1");
    }

    public MeetingFixture poll(String pollId, DecisionKind kind, BallotMode mode) {
        return ok(new CreatePoll(pollId, "i1", "Thông qua nghị quyết tháng 11", kind, mode, List.of(), 0, List.of(),
                false, CHAIR, now));
    }

    public MeetingFixture election(String pollId, int seats, Candidate... candidates) {
        return ok(new CreatePoll(pollId, "i1", "Bầu Bí thư chi bộ", DecisionKind.ELECTION, BallotMode.SECRET,
                List.of(candidates), seats, List.of(), false, CHAIR, now));
    }

    public MeetingFixture discipline(String pollId, DisciplineForm... forms) {
        return ok(new CreatePoll(pollId, "i1", "Thi hành kỷ luật đảng viên", DecisionKind.DISCIPLINE, BallotMode.SECRET,
                List.of(), 0, List.of(forms), false, CHAIR, now));
    }

    public MeetingFixture opened(String pollId) {
        return ok(new OpenPoll(pollId, CHAIR, now));
    }

    public MeetingFixture votes(String pollId, Choice choice, int fromMember, int count) {
        for (int i = fromMember; i < fromMember + count; i++) vote(pollId, id(i), choice);
        return this;
    }

    public MeetingFixture vote(String pollId, String voter, Choice choice) {
        return ok(new CastVote(pollId, voter, choice, randomBallotId(), voter, now));
    }

    public MeetingFixture closed(String pollId) {
        return ok(new ClosePoll(pollId, CHAIR, now));
    }

    public static Choice yes() {
        return new Choice.Motion(vn.phonghop.agenda.voting.Answer.FOR);
    }

    public static Choice no() {
        return new Choice.Motion(vn.phonghop.agenda.voting.Answer.AGAINST);
    }

    public static Choice abstain() {
        return new Choice.Motion(vn.phonghop.agenda.voting.Answer.ABSTAIN);
    }

    // ---- time -------------------------------------------------------------------------------

    public MeetingFixture at(Instant t) {
        now = t;
        return this;
    }

    public MeetingFixture after(Duration d) {
        now = now.plus(d);
        return this;
    }

    public Instant now() {
        return now;
    }

    // ---- when / then ------------------------------------------------------------------------

    /** Decides {@code c}; if accepted, its events (and ballots) join the log. */
    public MeetingFixture when(MeetingCommand c) {
        last = Meeting.decide(state, c);
        if (last instanceof Decision.Accepted a) {
            log.addAll(a.events());
            ballotBox.addAll(a.ballots());
            state = Meeting.apply(state, a);
        }
        return this;
    }

    /** Like {@link #when} but the command must be accepted (for the "given" part). */
    public MeetingFixture ok(MeetingCommand c) {
        when(c);
        if (!(last instanceof Decision.Accepted)) fail("setup command refused: " + c + " → " + last);
        now = now.plusSeconds(60);
        return this;
    }

    public List<MeetingEvent> thenEvents() {
        return assertInstanceOf(Decision.Accepted.class, last, () -> "expected acceptance, got " + last).events();
    }

    public Decision.Accepted thenAccepted() {
        return assertInstanceOf(Decision.Accepted.class, last, () -> "expected acceptance, got " + last);
    }

    @SuppressWarnings("unchecked")
    public <E extends MeetingEvent> E thenSingle(Class<E> type) {
        var events = thenEvents();
        assertEquals(1, events.size(), () -> "expected one event, got " + events);
        return assertInstanceOf(type, events.get(0));
    }

    public Rejection.Reason thenRejected() {
        return assertInstanceOf(Decision.Rejected.class, last, () -> "expected a rejection, got " + last)
                .rejection().reason();
    }

    public void thenRejectedWith(Rejection.Reason expected) {
        assertEquals(expected, thenRejected());
    }

    public MeetingState state() {
        return state;
    }

    public List<MeetingEvent> log() {
        return List.copyOf(log);
    }

    public List<SecretBallot> ballotBox() {
        return List.copyOf(ballotBox);
    }

    public Decision last() {
        return last;
    }
}
