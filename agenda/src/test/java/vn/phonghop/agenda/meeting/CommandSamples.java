package vn.phonghop.agenda.meeting;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import vn.phonghop.agenda.attendance.QuorumRule;
import vn.phonghop.agenda.items.AgendaTemplate;
import vn.phonghop.agenda.items.Classification;
import vn.phonghop.agenda.items.DocumentRef;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.roster.Guest;
import vn.phonghop.agenda.roster.MeetingRole;
import vn.phonghop.agenda.roster.Member;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Standing;
import vn.phonghop.agenda.voting.Answer;
import vn.phonghop.agenda.voting.Choice;
import vn.phonghop.agenda.voting.DecisionKind;

/**
 * One representative instance of every command, so that tests can walk the whole vocabulary.
 * A new command without a sample fails every test that walks it.
 */
final class CommandSamples {
    static final String DELEGATE = "m03";
    static final String OTHER = "m04";
    static final String GUEST = "g1";
    static final String STRANGER = "x99";
    static final String SHA = "0123456789abcdef".repeat(4);

    private CommandSamples() {
    }

    @SuppressWarnings("unchecked")
    static List<Class<? extends MeetingCommand>> types() {
        return Arrays.stream(MeetingCommand.class.getPermittedSubclasses())
                .<Class<? extends MeetingCommand>>map(c -> (Class<? extends MeetingCommand>) c).toList();
    }

    static DocumentRef document(String id) {
        return new DocumentRef(id, "Dự thảo nghị quyết", SHA, 4, Classification.UNCLASSIFIED);
    }

    /**
     * A sample of {@code type} sent by {@code by}; {@code subject} is the person a self-service
     * command is about (and the voter of a ballot). It refers to the meeting of {@link #runningMeeting()}.
     */
    static MeetingCommand of(Class<?> type, String by, String subject, Instant at) {
        if (type == ScheduleMeeting.class) {
            return new ScheduleMeeting("mt-9", MeetingFixture.CELL, MeetingKind.REGULAR_CELL_MEETING, "Họp chi bộ",
                    "Phòng họp", "Hà Nội", null, at.plus(Duration.ofDays(2)), null, by, at);
        }
        if (type == RegisterMember.class) {
            return new RegisterMember(new Member("m90", "Đảng viên mới", Membership.OFFICIAL, Standing.ACTIVE), by, at);
        }
        if (type == RegisterMembers.class) {
            return new RegisterMembers(java.util.List.of(new Member("m91", "Đảng viên nhập từ danh sách", Membership.OFFICIAL,
                    Standing.ACTIVE)), by, at);
        }
        if (type == ChangeStanding.class) return new ChangeStanding("m05", Membership.OFFICIAL, Standing.EXEMPT, by, at);
        if (type == RemoveMember.class) return new RemoveMember("m05", by, at);
        if (type == InviteGuest.class) return new InviteGuest(new Guest("g9", "Khách mời", "Đảng ủy phường"), by, at);
        if (type == AssignRole.class) return new AssignRole("m05", MeetingRole.MINUTE_TAKER, by, at);
        if (type == SetQuorumRule.class) return new SetQuorumRule(QuorumRule.MORE_THAN_HALF_WARN, by, at);
        if (type == AddAgendaItem.class) return new AddAgendaItem("i9", null, "Mục mới", 10, by, at);
        if (type == ApplyTemplate.class) return new ApplyTemplate(AgendaTemplate.REGULAR_CELL_MEETING, "t", by, at);
        if (type == EditAgendaItem.class) return new EditAgendaItem("i2", "Mục đã sửa", 20, by, at);
        if (type == RemoveAgendaItem.class) return new RemoveAgendaItem("i2", by, at);
        if (type == MoveAgendaItem.class) return new MoveAgendaItem("i2", 0, by, at);
        if (type == AttachDocument.class) return new AttachDocument("i1", document("d9"), by, at);
        if (type == DetachDocument.class) return new DetachDocument("i1", "d1", by, at);
        if (type == PublishMeeting.class) return new PublishMeeting(by, at);
        if (type == StartMeeting.class) return new StartMeeting(by, at);
        if (type == CheckIn.class) return new CheckIn(subject, by, at);
        if (type == CheckOut.class) return new CheckOut(subject, by, at);
        if (type == MarkAbsent.class) return new MarkAbsent("m05", "Đi công tác", by, at);
        if (type == StartItem.class) return new StartItem("i2", by, at);
        if (type == NextItem.class) return new NextItem(by, at);
        if (type == PreviousItem.class) return new PreviousItem(by, at);
        if (type == SkipItem.class) return new SkipItem("i2", by, at);
        if (type == PresentDocument.class) return new PresentDocument("d1", 1, by, at);
        if (type == StopPresenting.class) return new StopPresenting(by, at);
        if (type == SetSpeakingLimit.class) return new SetSpeakingLimit("i1", 180, by, at);
        if (type == RequestFloor.class) return new RequestFloor(subject, false, by, at);
        if (type == WithdrawRequest.class) return new WithdrawRequest(subject, by, at);
        if (type == GrantFloor.class) return new GrantFloor(subject, by, at);
        if (type == SkipSpeaker.class) return new SkipSpeaker(subject, by, at);
        if (type == MoveSpeaker.class) return new MoveSpeaker(subject, 0, by, at);
        if (type == StartTimer.class) return new StartTimer(by, at);
        if (type == StopTimer.class) return new StopTimer(by, at);
        if (type == ExtendTime.class) return new ExtendTime(60, by, at);
        if (type == FinishSpeech.class) return new FinishSpeech(by, at);
        if (type == RecordRemark.class) return new RecordRemark("r9", "i1", subject, "Đồng ý với dự thảo", by, at);
        if (type == CorrectRemark.class) return new CorrectRemark("r1", "Đồng ý, có bổ sung", "ghi nhầm", by, at);
        if (type == RecordConclusion.class) return new RecordConclusion("i1", "Chi bộ thống nhất", by, at);
        if (type == CreatePoll.class) {
            return new CreatePoll("p9", "i1", "Thông qua nghị quyết?", DecisionKind.ORDINARY_RESOLUTION, null, null, 0,
                    null, false, by, at);
        }
        if (type == OpenPoll.class) return new OpenPoll("p-draft", by, at);
        if (type == CastVote.class) return new CastVote("p-open", subject, new Choice.Motion(Answer.FOR), "b-1", by, at);
        if (type == ClosePoll.class) return new ClosePoll("p-open", by, at);
        if (type == ShowResult.class) return new ShowResult("p-closed", by, at);
        if (type == CloseMeeting.class) return new CloseMeeting(by, at);
        if (type == ArchiveMeeting.class) return new ArchiveMeeting(by, at);
        return fail("no sample for " + type.getSimpleName() + ": add one to CommandSamples");
    }

    /**
     * A running meeting that every sample refers to: officials m01…m05 (chair m01, minute-taker
     * m02), guest g1, items i1 (current, with document d1) and i2; all members present; m05
     * and g1 waiting for the floor, m03 speaking; remark r1; polls p-closed, p-open and p-draft.
     */
    static MeetingFixture runningMeeting() {
        var f = MeetingFixture.given().scheduled().officials(1, 5).guest(GUEST, "Nguyễn Thị Khách").roles()
                .item("i1", "Thảo luận nghị quyết").item("i2", "Phương hướng tháng tới")
                .ok(new AttachDocument("i1", document("d1"), MeetingFixture.CONVENOR, MeetingFixture.T0))
                .published().started().checkedInRange(1, 5).checkedIn(GUEST).currentItem("i1");
        f.ok(new RequestFloor("m05", false, "m05", f.now()));
        f.ok(new RequestFloor(GUEST, false, GUEST, f.now()));
        f.ok(new GrantFloor("m03", MeetingFixture.CHAIR, f.now()));
        f.ok(new RecordRemark("r1", "i1", "m03", "Đồng ý", MeetingFixture.MINUTE_TAKER, f.now()));
        f.poll("p-closed", DecisionKind.ORDINARY_RESOLUTION, null).opened("p-closed").closed("p-closed");
        f.poll("p-open", DecisionKind.ORDINARY_RESOLUTION, null).opened("p-open");
        return f.poll("p-draft", DecisionKind.ORDINARY_RESOLUTION, null);
    }
}
