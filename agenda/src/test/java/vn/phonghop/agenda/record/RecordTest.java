package vn.phonghop.agenda.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.agenda.meeting.MeetingFixture.CHAIR;
import static vn.phonghop.agenda.meeting.MeetingFixture.MINUTE_TAKER;
import static vn.phonghop.agenda.meeting.MeetingFixture.T0;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.phonghop.agenda.meeting.MeetingCommand;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingEvent.*;
import vn.phonghop.agenda.meeting.MeetingFixture;
import vn.phonghop.agenda.meeting.Rejection.Reason;

@DisplayName("The record: remarks of speakers and conclusions of items, corrected without losing history")
class RecordTest {
    private static final Instant T = T0.plusSeconds(86_400 * 3);
    private static final String SPEECH = "  Đồng chí Cường đề nghị bổ sung chỉ tiêu kết nạp đảng viên mới.  ";

    private static MeetingFixture running() {
        return MeetingFixture.given().scheduled().officials(1, 5).guest("g1", "Đỗ Minh Tuấn").roles()
                .item("i1", "Thảo luận nghị quyết").item("i2", "Phương hướng").published().started().currentItem("i1");
    }

    private static MeetingFixture withRemark() {
        return running().ok(new RecordRemark("r1", "i1", "m03", "Bản ghi ban đầu", MINUTE_TAKER, T));
    }

    // ---- remarks --------------------------------------------------------------------------------------

    @Test
    @DisplayName("The minute-taker records a speaker's remark, trimmed, with who wrote it and when")
    void records_remark() {
        var f = running();
        f.when(new RecordRemark("r1", "i1", "m03", SPEECH, MINUTE_TAKER, T));
        assertEquals(new RemarkRecorded("r1", "i1", "m03", SPEECH.strip(), MINUTE_TAKER, T),
                f.thenSingle(RemarkRecorded.class));
        var r = f.state().remarks().get("r1");
        assertEquals(SPEECH.strip(), r.text());
        assertFalse(r.corrected());
        assertEquals(List.of(new Remark.Version(SPEECH.strip(), T, MINUTE_TAKER, "")), r.versions());
    }

    @Test
    @DisplayName("A remark may be about any item, and a guest's remark is recorded too")
    void records_remark_of_guest_on_other_item() {
        var f = running();
        f.when(new RecordRemark("r1", "i2", "g1", "Ý kiến của đại biểu cấp trên", MINUTE_TAKER, T))
                .thenSingle(RemarkRecorded.class);
    }

    @Test
    @DisplayName("The speaker of a remark must be on the roster")
    void rejects_remark_of_unknown_speaker() {
        running().when(new RecordRemark("r1", "i1", "m99", "Ý kiến", MINUTE_TAKER, T)).thenRejectedWith(Reason.UNKNOWN_PERSON);
        running().when(new RecordRemark("r1", "i1", null, "Ý kiến", MINUTE_TAKER, T)).thenRejectedWith(Reason.UNKNOWN_PERSON);
    }

    @Test
    @DisplayName("A remark is about an existing item")
    void rejects_remark_on_unknown_item() {
        running().when(new RecordRemark("r1", "z", "m03", "Ý kiến", MINUTE_TAKER, T)).thenRejectedWith(Reason.UNKNOWN_ITEM);
    }

    @Test
    @DisplayName("A remark has text, at most 20,000 characters")
    void rejects_empty_or_long_remark() {
        running().when(new RecordRemark("r1", "i1", "m03", " \n ", MINUTE_TAKER, T)).thenRejectedWith(Reason.EMPTY_TEXT);
        running().when(new RecordRemark("r1", "i1", "m03", null, MINUTE_TAKER, T)).thenRejectedWith(Reason.EMPTY_TEXT);
        running().when(new RecordRemark("r1", "i1", "m03", "ý".repeat(20_001), MINUTE_TAKER, T))
                .thenRejectedWith(Reason.TEXT_TOO_LONG);
        running().when(new RecordRemark("r1", "i1", "m03", "ý".repeat(20_000), MINUTE_TAKER, T))
                .thenSingle(RemarkRecorded.class);
    }

    @Test
    @DisplayName("A remark id is used once, and is required")
    void rejects_duplicate_remark_id() {
        var f = withRemark();
        f.when(new RecordRemark("r1", "i2", "m04", "Ý kiến khác", MINUTE_TAKER, T)).thenRejectedWith(Reason.REMARK_ALREADY_EXISTS);
        assertEquals("Bản ghi ban đầu", f.state().remarks().get("r1").text());
        f.when(new RecordRemark(" ", "i2", "m04", "Ý kiến khác", MINUTE_TAKER, T)).thenRejectedWith(Reason.EMPTY_TEXT);
    }

    @Test
    @DisplayName("Remarks keep the order in which they were recorded")
    void remarks_keep_order() {
        var f = running();
        for (String id : List.of("r3", "r1", "r2")) {
            f.ok(new RecordRemark(id, "i1", "m03", "Ý kiến " + id, MINUTE_TAKER, T));
        }
        assertEquals(List.of("r3", "r1", "r2"), List.copyOf(f.state().remarks().keySet()));
    }

    // ---- corrections -------------------------------------------------------------------------------------

    @Test
    @DisplayName("A correction adds a version: the new text stands, the old one and the reason are kept")
    void correction_keeps_history() {
        var f = withRemark();
        var at = T.plusSeconds(600);
        f.when(new CorrectRemark("r1", " Bản ghi đã sửa ", " Ghi nhầm số liệu ", CHAIR, at));
        assertEquals(new RemarkCorrected("r1", "Bản ghi đã sửa", "Ghi nhầm số liệu", CHAIR, at),
                f.thenSingle(RemarkCorrected.class));
        var r = f.state().remarks().get("r1");
        assertEquals("Bản ghi đã sửa", r.text());
        assertTrue(r.corrected());
        assertEquals(List.of(new Remark.Version("Bản ghi ban đầu", T, MINUTE_TAKER, ""),
                new Remark.Version("Bản ghi đã sửa", at, CHAIR, "Ghi nhầm số liệu")), r.versions());
        assertEquals("m03", r.speakerId());
        assertEquals("i1", r.itemId());
    }

    @Test
    @DisplayName("Every correction is kept, in order")
    void corrections_accumulate() {
        var f = withRemark().ok(new CorrectRemark("r1", "Lần hai", null, MINUTE_TAKER, T))
                .ok(new CorrectRemark("r1", "Lần ba", "bổ sung", MINUTE_TAKER, T));
        var r = f.state().remarks().get("r1");
        assertEquals(List.of("Bản ghi ban đầu", "Lần hai", "Lần ba"), r.versions().stream().map(Remark.Version::text).toList());
        assertEquals("", r.versions().get(1).reason());
    }

    @Test
    @DisplayName("Only an existing remark is corrected, and not to nothing")
    void rejects_bad_correction() {
        withRemark().when(new CorrectRemark("r9", "Sửa", "", MINUTE_TAKER, T)).thenRejectedWith(Reason.UNKNOWN_REMARK);
        withRemark().when(new CorrectRemark(null, "Sửa", "", MINUTE_TAKER, T)).thenRejectedWith(Reason.UNKNOWN_REMARK);
        withRemark().when(new CorrectRemark("r1", "", "", MINUTE_TAKER, T)).thenRejectedWith(Reason.EMPTY_TEXT);
        withRemark().when(new CorrectRemark("r1", "x".repeat(20_001), "", MINUTE_TAKER, T))
                .thenRejectedWith(Reason.TEXT_TOO_LONG);
    }

    // ---- conclusions -------------------------------------------------------------------------------------

    @Test
    @DisplayName("The conclusion of an item is recorded, and a revision keeps the earlier wording")
    void conclusion_revisions_keep_history() {
        var f = running();
        f.when(new RecordConclusion("i1", " Chi bộ thống nhất thông qua dự thảo ", CHAIR, T));
        assertEquals(new ConclusionRecorded("i1", "Chi bộ thống nhất thông qua dự thảo", CHAIR, T),
                f.thenSingle(ConclusionRecorded.class));
        f.ok(new RecordConclusion("i1", "Chi bộ thống nhất thông qua dự thảo, có bổ sung", MINUTE_TAKER, T.plusSeconds(60)));
        var c = f.state().conclusions().get("i1");
        assertEquals("Chi bộ thống nhất thông qua dự thảo, có bổ sung", c.text());
        assertEquals(List.of(new Remark.Version("Chi bộ thống nhất thông qua dự thảo", T, CHAIR, ""),
                new Remark.Version("Chi bộ thống nhất thông qua dự thảo, có bổ sung", T.plusSeconds(60), MINUTE_TAKER, "")),
                c.versions());
        assertEquals(1, f.state().conclusions().size());
    }

    @Test
    @DisplayName("A conclusion needs an existing item and some text")
    void rejects_bad_conclusion() {
        running().when(new RecordConclusion("z", "Kết luận", CHAIR, T)).thenRejectedWith(Reason.UNKNOWN_ITEM);
        running().when(new RecordConclusion("i1", "  ", CHAIR, T)).thenRejectedWith(Reason.EMPTY_TEXT);
    }

    // ---- only while the meeting runs ----------------------------------------------------------------------

    static Stream<Arguments> recordCommands() {
        List<Function<Instant, MeetingCommand>> cs = List.of(
                at -> new RecordRemark("r2", "i1", "m03", "Ý kiến", MINUTE_TAKER, at),
                at -> new CorrectRemark("r1", "Sửa", "", MINUTE_TAKER, at),
                at -> new RecordConclusion("i1", "Kết luận", CHAIR, at));
        return cs.stream().map(c -> Arguments.of(c.apply(T).getClass().getSimpleName(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordCommands")
    @DisplayName("Nothing is written down before the meeting starts")
    void nothing_recorded_before_start(String name, Function<Instant, MeetingCommand> c) {
        var draft = MeetingFixture.given().scheduled().officials(1, 5).roles().item("i1", "Nội dung");
        draft.when(c.apply(T)).thenRejectedWith(Reason.MEETING_NOT_STARTED);
        draft.published().when(c.apply(T)).thenRejectedWith(Reason.MEETING_NOT_STARTED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordCommands")
    @DisplayName("Nothing is written down after the meeting closes: a correction then is a new version of the minutes")
    void nothing_recorded_after_close(String name, Function<Instant, MeetingCommand> c) {
        var f = withRemark().ok(new CloseMeeting(CHAIR, T));
        f.when(c.apply(T)).thenRejectedWith(Reason.MEETING_CLOSED);
    }
}
