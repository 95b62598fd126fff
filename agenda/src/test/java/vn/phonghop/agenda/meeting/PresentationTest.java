package vn.phonghop.agenda.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.phonghop.agenda.meeting.MeetingFixture.CHAIR;
import static vn.phonghop.agenda.meeting.MeetingFixture.CONVENOR;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.phonghop.agenda.items.Classification;
import vn.phonghop.agenda.items.DocumentRef;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingEvent.DocumentPresented;
import vn.phonghop.agenda.meeting.Rejection.Reason;

/** The chair shows the room a page of an agenda document; following tablets and the display turn with it. */
class PresentationTest {
    private static final String SHA = "ab".repeat(32);

    private static MeetingFixture withDocument() {
        var f = MeetingFixture.given().scheduled().officials(1, 3).roles().item("i1", "Báo cáo").item("i2", "Nghị quyết");
        f.ok(new AttachDocument("i2", new DocumentRef("d1", "Dự thảo nghị quyết", SHA, 4, Classification.UNCLASSIFIED),
                CONVENOR, f.now()));
        return f.published();
    }

    @Test
    @DisplayName("Presenting a page records the document, its item and the page")
    void present_page() {
        var f = withDocument().started();
        f.when(new PresentDocument("d1", 3, CHAIR, f.now()));
        var e = f.thenSingle(DocumentPresented.class);
        assertEquals("i2", e.itemId());
        assertEquals(3, e.page());
        assertEquals(3, f.state().presentation().page());
        f.when(new PresentDocument("d1", 4, CHAIR, f.now()));
        assertEquals(4, f.state().presentation().page(), "a page turn is another presentation");
    }

    @Test
    @DisplayName("Only pages of documents on the agenda can be presented, and only while the meeting runs")
    void present_rules() {
        var f = withDocument();
        f.when(new PresentDocument("d1", 1, CHAIR, f.now()));
        f.thenRejectedWith(Reason.MEETING_NOT_STARTED);
        f.started();
        f.when(new PresentDocument("d9", 1, CHAIR, f.now()));
        f.thenRejectedWith(Reason.UNKNOWN_DOCUMENT);
        f.when(new PresentDocument("d1", 5, CHAIR, f.now()));
        f.thenRejectedWith(Reason.INVALID_POSITION);
        f.when(new PresentDocument("d1", 0, CHAIR, f.now()));
        f.thenRejectedWith(Reason.INVALID_POSITION);
        f.when(new PresentDocument("d1", 1, "m03", f.now()));
        f.thenRejectedWith(Reason.NOT_PERMITTED);
    }

    @Test
    @DisplayName("Stopping ends the presentation; stopping twice is refused; closing the meeting ends it too")
    void stop_presenting() {
        var f = withDocument().started();
        f.when(new StopPresenting(CHAIR, f.now()));
        f.thenRejectedWith(Reason.NOT_PRESENTING);
        f.ok(new PresentDocument("d1", 2, CHAIR, f.now()));
        f.ok(new StopPresenting(CHAIR, f.now()));
        assertNull(f.state().presentation());
        f.ok(new PresentDocument("d1", 2, CHAIR, f.now()));
        f.ok(new CloseMeeting(CHAIR, f.now()));
        assertNull(f.state().presentation());
    }
}
