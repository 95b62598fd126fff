package vn.phonghop.server.archive;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.phonghop.agenda.meeting.Decision;
import vn.phonghop.agenda.meeting.Meeting;
import vn.phonghop.agenda.meeting.MeetingCommand;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingEvent;
import vn.phonghop.agenda.meeting.MeetingKind;
import vn.phonghop.agenda.meeting.MeetingState;
import vn.phonghop.agenda.roster.MeetingRole;
import vn.phonghop.agenda.roster.Member;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Organisation;
import vn.phonghop.agenda.roster.Standing;
import vn.phonghop.agenda.voting.Answer;
import vn.phonghop.agenda.voting.BallotMode;
import vn.phonghop.agenda.voting.Choice;
import vn.phonghop.agenda.voting.DecisionKind;
import vn.phonghop.server.Services;
import vn.phonghop.server.live.MeetingRuntime;
import vn.phonghop.server.live.Reply;

/**
 * A short meeting of any body, as commands: five members, one item with a remark and a
 * conclusion, one open vote, then (optionally) the close. Sent to a running server's writer or
 * decided purely to make a log for the store.
 */
final class SmallMeeting {
    static final String CHAIR = "c1";
    static final String MINUTE_TAKER = "c2";

    private SmallMeeting() {
    }

    static List<MeetingCommand> commands(String meetingId, Organisation org, String title, Instant start, String remark,
                                         boolean close) {
        String convenor = "account:test";
        var out = new ArrayList<MeetingCommand>();
        Instant before = start.minus(Duration.ofDays(3));
        out.add(new ScheduleMeeting(meetingId, org, MeetingKind.REGULAR_CELL_MEETING, title, "Hội trường", "Hà Nội",
                "Asia/Ho_Chi_Minh", start, null, convenor, before));
        out.add(new RegisterMembers(List.of(
                new Member(CHAIR, "Nguyễn Thị Hồng", Membership.OFFICIAL, Standing.ACTIVE),
                new Member(MINUTE_TAKER, "Phạm Văn Hưởng", Membership.OFFICIAL, Standing.ACTIVE),
                new Member("c3", "Lê Thị Thu", Membership.OFFICIAL, Standing.ACTIVE),
                new Member("c4", "Đỗ Quang Minh", Membership.OFFICIAL, Standing.ACTIVE),
                new Member("c5", "Vũ Văn An", Membership.PROBATIONARY, Standing.ACTIVE)), convenor, before));
        out.add(new AssignRole(CHAIR, MeetingRole.CHAIR, convenor, before));
        out.add(new AssignRole(MINUTE_TAKER, MeetingRole.MINUTE_TAKER, convenor, before));
        out.add(new AddAgendaItem("a1", null, "Kiểm điểm việc thực hiện nhiệm vụ", 30, convenor, before));
        out.add(new PublishMeeting(convenor, before));
        for (String m : List.of(CHAIR, MINUTE_TAKER, "c3", "c4", "c5")) out.add(new CheckIn(m, CHAIR, start));
        out.add(new StartMeeting(CHAIR, start));
        out.add(new StartItem("a1", CHAIR, start.plusSeconds(60)));
        out.add(new RecordRemark("r1", "a1", "c3", remark, MINUTE_TAKER, start.plusSeconds(600)));
        out.add(new RecordConclusion("a1", "Chi bộ thống nhất các nhiệm vụ đã đề ra.", MINUTE_TAKER, start.plusSeconds(700)));
        out.add(new CreatePoll("p1", "a1", "Thông qua kết luận", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS,
                List.of(), 0, List.of(), false, CHAIR, start.plusSeconds(800)));
        out.add(new OpenPoll("p1", CHAIR, start.plusSeconds(810)));
        for (String m : List.of(CHAIR, MINUTE_TAKER, "c3")) {
            out.add(new CastVote("p1", m, new Choice.Motion(Answer.FOR), "", m, start.plusSeconds(820)));
        }
        out.add(new CastVote("p1", "c4", new Choice.Motion(Answer.AGAINST), "", "c4", start.plusSeconds(820)));
        out.add(new ClosePoll("p1", CHAIR, start.plusSeconds(900)));
        if (close) out.add(close(start));
        return out;
    }

    static CloseMeeting close(Instant start) {
        return new CloseMeeting(CHAIR, start.plusSeconds(5400));
    }

    /** Sends the commands to the server's writer of the meeting, each acknowledged. */
    static MeetingRuntime run(Services services, List<MeetingCommand> commands) throws Exception {
        String id = ((ScheduleMeeting) commands.get(0)).meetingId();
        MeetingRuntime rt = services.meetings().create(id).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        for (int i = 0; i < commands.size(); i++) send(rt, id + "-" + i, commands.get(i));
        return rt;
    }

    static void send(MeetingRuntime rt, String commandId, MeetingCommand c) throws Exception {
        Reply r = rt.command(commandId, c).get(30, TimeUnit.SECONDS);
        if (!(r instanceof Reply.Ack)) throw new IllegalStateException(c + " → " + r);
    }

    /** The log the commands make, decided without a server. */
    static List<MeetingEvent> log(List<MeetingCommand> commands) {
        MeetingState s = MeetingState.NONE;
        var log = new ArrayList<MeetingEvent>();
        for (var c : commands) {
            Decision d = Meeting.decide(s, c);
            if (!(d instanceof Decision.Accepted a)) throw new IllegalStateException(c + " → " + d);
            log.addAll(a.events());
            s = Meeting.apply(s, a);
        }
        return log;
    }
}
