package vn.phonghop.agenda.minutes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.agenda.meeting.MeetingFixture.CHAIR;
import static vn.phonghop.agenda.meeting.MeetingFixture.CONVENOR;
import static vn.phonghop.agenda.meeting.MeetingFixture.MINUTE_TAKER;
import static vn.phonghop.agenda.meeting.MeetingFixture.abstain;
import static vn.phonghop.agenda.meeting.MeetingFixture.no;
import static vn.phonghop.agenda.meeting.MeetingFixture.yes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.phonghop.agenda.items.Classification;
import vn.phonghop.agenda.items.DocumentRef;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingFixture;
import vn.phonghop.agenda.meeting.MeetingKind;
import vn.phonghop.agenda.minutes.MinutesRecord.*;
import vn.phonghop.agenda.roster.BodyKind;
import vn.phonghop.agenda.roster.Guest;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Standing;
import vn.phonghop.agenda.voting.BallotMode;
import vn.phonghop.agenda.voting.DecisionKind;
import vn.phonghop.agenda.voting.Threshold;

@DisplayName("The minutes record (biên bản) as a pure function of the meeting's log")
class MinutesRecordTest {
    /** 18:30 UTC on 20/11 is 01:30 on 21/11 in Hà Nội. */
    private static final Instant S = Instant.parse("2026-11-20T18:30:00Z");
    private static final String SHA1 = "1".repeat(64);
    private static final String SHA2 = "2".repeat(64);

    /** A regular cell meeting with 7 official (1 exempt) and 1 probationary member, two guests invited. */
    private static MeetingFixture prepared() {
        var f = MeetingFixture.given().scheduled()
                .member("m01", "Nguyễn Văn An", Membership.OFFICIAL, Standing.ACTIVE)
                .member("m02", "Trần Thị Bình", Membership.OFFICIAL, Standing.ACTIVE)
                .member("m03", "Lê Hoàng Cường", Membership.OFFICIAL, Standing.ACTIVE)
                .member("m04", "Phạm Thị Dung", Membership.OFFICIAL, Standing.ACTIVE)
                .member("m05", "Hoàng Văn Đức", Membership.OFFICIAL, Standing.ACTIVE)
                .member("m06", "Vũ Thị Hà", Membership.OFFICIAL, Standing.EXEMPT)
                .member("m07", "Đặng Quốc Khánh", Membership.PROBATIONARY, Standing.ACTIVE)
                .member("m08", "Bùi Thị Lan", Membership.OFFICIAL, Standing.ACTIVE)
                .roles();
        f.ok(new InviteGuest(new Guest("g1", "Đỗ Minh Tuấn", "Đảng ủy Trường"), CONVENOR, f.now()));
        f.ok(new InviteGuest(new Guest("g2", "Ngô Thị Mai", "Công đoàn Khoa"), CONVENOR, f.now()));
        f.item("k", "Khai mạc").item("n", "Nội dung sinh hoạt")
                .subItem("n1", "n", "Kiểm điểm việc thực hiện nhiệm vụ tháng trước")
                .item("b", "Biểu quyết thông qua nghị quyết").item("e", "Xét kết nạp đảng viên");
        f.ok(new AttachDocument("n1", new DocumentRef("d1", "Báo cáo kết quả thực hiện nhiệm vụ tháng 10", SHA1, 6,
                Classification.MAT), CONVENOR, f.now()));
        f.ok(new AttachDocument("b", new DocumentRef("d2", "Dự thảo nghị quyết tháng 11", SHA2, 3,
                Classification.UNCLASSIFIED), CONVENOR, f.now()));
        return f.published();
    }

    /** The whole meeting, from the roll call to the close at 03:05 local. */
    static MeetingFixture realisticMeeting() {
        var f = prepared().at(S.minus(Duration.ofMinutes(10))).checkedIn("m01", "m02", "m03", "m07", "g1")
                .absent("m05", "Đi công tác").absent("m08", "");
        f.at(S).started();
        f.ok(new StartItem("k", CHAIR, S.plus(Duration.ofMinutes(1))));
        f.ok(new CheckIn("m04", "m04", S.plus(Duration.ofMinutes(10))));
        f.ok(new NextItem(CHAIR, S.plus(Duration.ofMinutes(10))));
        f.ok(new NextItem(CHAIR, S.plus(Duration.ofMinutes(15))));
        f.ok(new RequestFloor("m03", false, "m03", S.plus(Duration.ofMinutes(16))));
        f.ok(new GrantFloor("m03", CHAIR, S.plus(Duration.ofMinutes(20))));
        f.ok(new FinishSpeech(CHAIR, S.plus(Duration.ofMinutes(23))));
        f.ok(new GrantFloor("m07", CHAIR, S.plus(Duration.ofMinutes(24))));
        f.ok(new FinishSpeech(CHAIR, S.plus(Duration.ofMinutes(25)).plusSeconds(30)));
        f.ok(new RecordRemark("r1", "n1", "m03", "Tháng 10 hoàn thành 8/10 chỉ tiêu.", MINUTE_TAKER,
                S.plus(Duration.ofMinutes(23))));
        f.ok(new RecordRemark("r2", "n1", "m07", "Đề nghị tăng cường sinh hoạt chuyên đề.", MINUTE_TAKER,
                S.plus(Duration.ofMinutes(26))));
        f.ok(new CorrectRemark("r1", "Tháng 10 hoàn thành 9/10 chỉ tiêu.", "Ghi nhầm số liệu", CHAIR,
                S.plus(Duration.ofMinutes(27))));
        f.ok(new StartItem("b", CHAIR, S.plus(Duration.ofMinutes(60))));
        f.ok(new SkipItem("e", CHAIR, S.plus(Duration.ofMinutes(61))));
        f.at(S.plus(Duration.ofMinutes(62)));
        f.ok(new CreatePoll("p1", "b", "Thông qua Nghị quyết chi bộ tháng 11 năm 2026", DecisionKind.ORDINARY_RESOLUTION,
                null, null, 0, null, false, CHAIR, f.now()));
        f.opened("p1").votes("p1", yes(), 1, 4).closed("p1");
        f.ok(new CreatePoll("p2", "b", "Thông qua kết luận về công tác phát triển đảng viên", DecisionKind.CONCLUSION,
                null, null, 0, null, false, CHAIR, f.now()));
        f.opened("p2").votes("p2", yes(), 1, 3).vote("p2", "m04", no()).closed("p2");
        f.ok(new RecordConclusion("b", "Chi bộ thông qua nghị quyết.", CHAIR, f.now()));
        f.ok(new RecordConclusion("b", "Chi bộ thông qua nghị quyết tháng 11; kết luận chưa được thông qua.", CHAIR,
                f.now()));
        return f.ok(new CloseMeeting(CHAIR, S.plus(Duration.ofMinutes(95))));
    }

    private static final MinutesRecord M = Minutes.of(realisticMeeting().log());

    @Test
    @DisplayName("The header names the bodies, the symbol, the place and the local date: 18:30Z on 20/11 is 21/11 in Hà Nội")
    void header() {
        var h = M.header();
        assertEquals("Đảng bộ Trường Đại học Bách khoa Hà Nội", h.superiorBody());
        assertEquals("Chi bộ Khoa Công nghệ thông tin", h.issuingBody());
        assertEquals(BodyKind.CELL, h.bodyKind());
        assertEquals("CB", h.symbol());
        assertEquals("Hà Nội", h.place());
        assertEquals(LocalDate.of(2026, 11, 21), h.date());
        assertEquals(MeetingKind.REGULAR_CELL_MEETING, h.meetingKind());
        assertEquals("Sinh hoạt chi bộ thường kỳ tháng 11 năm 2026", h.summary());
        assertEquals("294-QĐ/TW", h.ruleSetId());
        assertTrue(h.ruleSetTitle().contains("294-QĐ/TW"));
        assertEquals("mt-1", h.meetingId());
    }

    @Test
    @DisplayName("Start and end are local times; the venue, the chair and the minute-taker are named")
    void times_and_people() {
        assertEquals(LocalDateTime.of(2026, 11, 21, 1, 30), M.startedAt());
        assertEquals(LocalDateTime.of(2026, 11, 21, 3, 5), M.endedAt());
        assertEquals("Phòng họp tầng 3, nhà A1", M.venue());
        assertEquals("Nguyễn Văn An", M.chair());
        assertEquals("Trần Thị Bình", M.minuteTaker());
    }

    @Test
    @DisplayName("The documents used are listed with the number of their item")
    void documents_used() {
        assertEquals(List.of(
                new DocumentLine("2.1", "Báo cáo kết quả thực hiện nhiệm vụ tháng 10", Classification.MAT, 6, SHA1),
                new DocumentLine("3", "Dự thảo nghị quyết tháng 11", Classification.UNCLASSIFIED, 3, SHA2)), M.documents());
    }

    @Test
    @DisplayName("Attendance: counts of official and probationary present, the base, the share of those expected")
    void attendance_counts() {
        var a = M.attendance();
        assertEquals(7, a.officialMembers());
        assertEquals(1, a.probationaryMembers());
        assertEquals(4, a.officialPresent());
        assertEquals(1, a.probationaryPresent());
        assertEquals(6, a.majorityBase());
        assertEquals(new Percent(7143), a.attendance());
        assertEquals("71,43%", a.attendance().vi());
    }

    @Test
    @DisplayName("Absentees by name, with their reason or none, the exempt flagged")
    void absentees() {
        assertEquals(List.of(new Absentee("Hoàng Văn Đức", "Đi công tác", false), new Absentee("Vũ Thị Hà", null, true),
                new Absentee("Bùi Thị Lan", null, false)), M.attendance().absentees());
        assertTrue(M.attendance().absentees().get(0).excused());
        assertFalse(M.attendance().absentees().get(2).excused());
    }

    @Test
    @DisplayName("Someone who attended and left before the close is counted present, not absent, like the guests")
    void early_leavers_count_as_present() {
        var f = prepared().checkedIn("m01", "m02", "m03", "m04", "m07", "g1").started();
        f.ok(new CheckOut("m03", "m03", f.now())).ok(new CheckOut("m07", "m07", f.now()))
                .ok(new CheckOut("g1", "g1", f.now())).ok(new CloseMeeting(CHAIR, f.now()));
        var a = Minutes.of(f.log()).attendance();
        assertEquals(4, a.officialPresent());
        assertEquals(1, a.probationaryPresent());
        assertEquals(new Percent(7143), a.attendance());
        assertEquals(List.of("Hoàng Văn Đức", "Vũ Thị Hà", "Bùi Thị Lan"), a.absentees().stream().map(Absentee::name).toList());
        assertEquals(List.of(new GuestLine("Đỗ Minh Tuấn", "Đảng ủy Trường")), a.guests());
    }

    @Test
    @DisplayName("Late arrivals with their local time, and only the guests who came")
    void late_arrivals_and_guests() {
        assertEquals(List.of(new LateArrival("Phạm Thị Dung", LocalDateTime.of(2026, 11, 21, 1, 40))),
                M.attendance().lateArrivals());
        assertEquals(List.of(new GuestLine("Đỗ Minh Tuấn", "Đảng ủy Trường")), M.attendance().guests());
    }

    @Test
    @DisplayName("Items in agenda order, numbered, with the time spent and whether they were skipped")
    void items_in_order() {
        assertEquals(List.of("1", "2", "2.1", "3", "4"), M.items().stream().map(ItemSection::number).toList());
        assertEquals(List.of("Khai mạc", "Nội dung sinh hoạt", "Kiểm điểm việc thực hiện nhiệm vụ tháng trước",
                "Biểu quyết thông qua nghị quyết", "Xét kết nạp đảng viên"),
                M.items().stream().map(ItemSection::title).toList());
        assertEquals(9, M.items().get(0).spentMinutes());
        assertEquals(45, M.items().get(2).spentMinutes());
        assertEquals(35, M.items().get(3).spentMinutes());
        assertEquals(List.of(false, false, false, false, true), M.items().stream().map(ItemSection::skipped).toList());
    }

    @Test
    @DisplayName("Remarks appear in the order recorded, as corrected, flagged when corrected")
    void remarks_in_order_with_corrections() {
        assertEquals(List.of(
                new RemarkLine("Lê Hoàng Cường", "Tháng 10 hoàn thành 9/10 chỉ tiêu.", LocalDateTime.of(2026, 11, 21, 1, 53), true),
                new RemarkLine("Đặng Quốc Khánh", "Đề nghị tăng cường sinh hoạt chuyên đề.",
                        LocalDateTime.of(2026, 11, 21, 1, 56), false)), M.items().get(2).remarks());
        assertEquals(List.of(), M.items().get(0).remarks());
    }

    @Test
    @DisplayName("Speeches with their speaker and duration")
    void speeches_with_durations() {
        assertEquals(List.of(new SpeechLine("Lê Hoàng Cường", 180), new SpeechLine("Đặng Quốc Khánh", 90)),
                M.items().get(2).speeches());
    }

    @Test
    @DisplayName("Each item's conclusion as last revised; none where there is none")
    void conclusions() {
        assertEquals("Chi bộ thông qua nghị quyết tháng 11; kết luận chưa được thông qua.", M.items().get(3).conclusion());
        assertEquals("", M.items().get(0).conclusion());
    }

    @Test
    @DisplayName("A vote that passed: counts and shares of the base, threshold, 'Thông qua'")
    void vote_that_passed() {
        var v = M.votes().get(0);
        assertEquals("3", v.itemNumber());
        assertEquals("Thông qua Nghị quyết chi bộ tháng 11 năm 2026", v.question());
        assertEquals(DecisionKind.ORDINARY_RESOLUTION, v.kind());
        assertEquals(BallotMode.SHOW_OF_HANDS, v.mode());
        assertEquals(Threshold.MORE_THAN_HALF_OF_BASE, v.threshold());
        assertEquals("294-QĐ/TW", v.ruleSetId());
        assertEquals(6, v.majorityBase());
        assertEquals(7, v.officialMembers());
        assertEquals(4, v.ballots());
        assertEquals(List.of(new OptionLine("FOR", "Tán thành", 4, new Percent(6667)),
                new OptionLine("AGAINST", "Không tán thành", 0, new Percent(0)),
                new OptionLine("ABSTAIN", "Không biểu quyết", 0, new Percent(0))), v.options());
        assertTrue(v.passed());
        assertEquals("Thông qua", v.outcome());
    }

    @Test
    @DisplayName("A vote that failed: 3 of a base of 6 is not more than half, 'Không thông qua'")
    void vote_that_failed() {
        var v = M.votes().get(1);
        assertEquals(DecisionKind.CONCLUSION, v.kind());
        assertEquals("50,00%", v.options().get(0).ofBase().vi());
        assertEquals("16,67%", v.options().get(1).ofBase().vi());
        assertFalse(v.passed());
        assertEquals("Không thông qua", v.outcome());
        assertEquals(2, M.votes().size());
    }

    @Test
    @DisplayName("The record is a function of the log: the same log gives an equal record")
    void deterministic() {
        var log = realisticMeeting().log();
        var again = Minutes.of(new ArrayList<>(log));
        assertEquals(Minutes.of(log), again);
        assertEquals(M, again);
        assertEquals(M.hashCode(), again.hashCode());
    }

    @Test
    @DisplayName("Before the start, the minutes carry the planned date and no times; open polls are not reported")
    void minutes_of_unstarted_meeting() {
        var f = prepared();
        var m = Minutes.of(f.log());
        assertEquals(LocalDate.of(2026, 11, 22), m.header().date());
        assertNull(m.startedAt());
        assertNull(m.endedAt());
        assertEquals(List.of(), m.votes());
        var running = prepared().started().checkedIn("m01").currentItem("b");
        running.ok(new CreatePoll("p1", "b", "Thông qua?", DecisionKind.ORDINARY_RESOLUTION, null, null, 0, null, false,
                CHAIR, running.now()));
        running.opened("p1").vote("p1", "m01", abstain());
        assertEquals(List.of(), Minutes.of(running.log()).votes());
    }

    @Test
    @DisplayName("A log without a meeting has no minutes")
    void no_meeting_no_minutes() {
        assertThrows(IllegalArgumentException.class, () -> Minutes.of(List.of()));
    }

    // ---- Percent --------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}/{1} → {2} → {3}")
    @CsvSource(delimiter = ';', value = {
            "8; 15; 5333; 53,33%", "2; 3; 6667; 66,67%", "1; 3; 3333; 33,33%", "1; 32; 313; 3,13%",
            "1; 8; 1250; 12,50%", "0; 5; 0; 0,00%", "5; 5; 10000; 100,00%", "3; 0; 0; 0,00%", "1; 200; 50; 0,50%",
            "1; 20000; 1; 0,01%", "1; 40000; 0; 0,00%", "12; 15; 8000; 80,00%", "7; 12; 5833; 58,33%"})
    @DisplayName("Percent.of rounds half up in integers and prints with a decimal comma")
    void percent(long part, long whole, int hundredths, String vi) {
        var p = Percent.of(part, whole);
        assertEquals(hundredths, p.hundredths());
        assertEquals(vi, p.vi());
    }

    @Test
    @ResourceLock(Resources.LOCALE)
    @DisplayName("The Vietnamese notation does not depend on the server's locale")
    void percent_vi_ignores_default_locale() {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        try {
            Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag("th-TH-u-nu-thai"));
            assertEquals("53,33%", Percent.of(8, 15).vi());
            assertEquals("3,05%", new Percent(305).vi());
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }
}
