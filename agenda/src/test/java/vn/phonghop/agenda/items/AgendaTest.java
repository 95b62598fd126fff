package vn.phonghop.agenda.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.agenda.meeting.MeetingFixture.CHAIR;
import static vn.phonghop.agenda.meeting.MeetingFixture.CONVENOR;
import static vn.phonghop.agenda.meeting.MeetingFixture.MINUTE_TAKER;
import static vn.phonghop.agenda.meeting.MeetingFixture.T0;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingEvent.*;
import vn.phonghop.agenda.meeting.MeetingFixture;
import vn.phonghop.agenda.meeting.Rejection.Reason;
import vn.phonghop.agenda.voting.DecisionKind;

@DisplayName("The agenda: items and sub-items, their order, the template, moving through them, documents")
class AgendaTest {
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static MeetingFixture draft() {
        return MeetingFixture.given().scheduled().officials(1, 3).roles();
    }

    /** Items a (with a.1, a.2), b, c. */
    private static MeetingFixture abc() {
        return draft().item("a", "Khai mạc").item("b", "Nội dung").item("c", "Bế mạc")
                .subItem("a.1", "a", "Thu đảng phí").subItem("a.2", "a", "Báo cáo tình hình đảng viên");
    }

    private static List<String> ids(MeetingFixture f) {
        return f.state().agenda().items().stream().map(AgendaItem::id).toList();
    }

    private static List<String> numbers(MeetingFixture f) {
        var a = f.state().agenda();
        return a.items().stream().map(i -> a.numberOf(i.id())).toList();
    }

    private static AgendaItem item(MeetingFixture f, String id) {
        return f.state().agenda().item(id).orElseThrow();
    }

    /** abc(), published and started, nothing current yet. */
    private static MeetingFixture running() {
        return abc().published().started();
    }

    // ---- adding -------------------------------------------------------------------------------------

    @Test
    @DisplayName("Items are added in order and numbered 1, 2, 3; the title is trimmed")
    void adds_items_in_order() {
        var f = draft();
        f.when(new AddAgendaItem("a", null, "  Khai mạc ", 10, CONVENOR, f.now()));
        assertEquals(new AgendaItemAdded("a", null, "Khai mạc", 10, f.now()), f.thenSingle(AgendaItemAdded.class));
        f.item("b", "Nội dung").item("c", "Bế mạc");
        assertEquals(List.of("a", "b", "c"), ids(f));
        assertEquals(List.of("1", "2", "3"), numbers(f));
        assertEquals(ItemStatus.PENDING, item(f, "a").status());
        assertEquals(AgendaItem.DEFAULT_SPEAKING_LIMIT_SECONDS, item(f, "a").speakingLimitSeconds());
    }

    @Test
    @DisplayName("A sub-item goes after its parent's last sub-item and is numbered 1.1, 1.2")
    void adds_sub_items_after_siblings() {
        var f = abc();
        assertEquals(List.of("a", "a.1", "a.2", "b", "c"), ids(f));
        assertEquals(List.of("1", "1.1", "1.2", "2", "3"), numbers(f));
        f.subItem("b.1", "b", "Thông tin thời sự");
        assertEquals("2.1", f.state().agenda().numberOf("b.1"));
        assertEquals(List.of("a.1", "a.2"), f.state().agenda().childrenOf("a").stream().map(AgendaItem::id).toList());
    }

    @Test
    @DisplayName("Sub-items have no sub-items: one level of nesting only")
    void rejects_sub_sub_item() {
        abc().when(new AddAgendaItem("a.1.1", "a.1", "Quá sâu", 5, CONVENOR, T0)).thenRejectedWith(Reason.NESTING_TOO_DEEP);
    }

    @Test
    @DisplayName("A sub-item needs a parent that exists")
    void rejects_sub_item_of_unknown_parent() {
        draft().when(new AddAgendaItem("x.1", "x", "Mồ côi", 5, CONVENOR, T0)).thenRejectedWith(Reason.UNKNOWN_ITEM);
    }

    @Test
    @DisplayName("Item ids are unique")
    void rejects_duplicate_item() {
        abc().when(new AddAgendaItem("a.1", null, "Trùng", 5, CONVENOR, T0)).thenRejectedWith(Reason.ITEM_ALREADY_EXISTS);
    }

    @ParameterizedTest(name = "{0} minutes → accepted: {1}")
    @CsvSource({"-1, false", "0, true", "1440, true", "1441, false"})
    @DisplayName("Planned minutes lie between 0 and a day")
    void planned_minutes_bounds(int minutes, boolean accepted) {
        var f = draft().when(new AddAgendaItem("a", null, "Mục", minutes, CONVENOR, T0));
        if (accepted) f.thenSingle(AgendaItemAdded.class);
        else f.thenRejectedWith(Reason.INVALID_DURATION);
    }

    @Test
    @DisplayName("An item needs a title of sensible length")
    void rejects_bad_title() {
        draft().when(new AddAgendaItem("a", null, " ", 5, CONVENOR, T0)).thenRejectedWith(Reason.EMPTY_TEXT);
        draft().when(new AddAgendaItem("a", null, "x".repeat(501), 5, CONVENOR, T0)).thenRejectedWith(Reason.TEXT_TOO_LONG);
        draft().when(new AddAgendaItem("a", null, "x".repeat(500), 5, CONVENOR, T0)).thenSingle(AgendaItemAdded.class);
    }

    @Test
    @DisplayName("An item may be added while the meeting is under way")
    void adds_item_during_meeting() {
        running().when(new AddAgendaItem("d", null, "Việc phát sinh", 5, CHAIR, T0)).thenSingle(AgendaItemAdded.class);
    }

    // ---- editing and removing -------------------------------------------------------------------------

    @Test
    @DisplayName("Editing changes the title and the planned minutes, nothing else")
    void edits_item() {
        var f = abc();
        f.when(new EditAgendaItem("b", " Nội dung sinh hoạt ", 45, CONVENOR, f.now()));
        assertEquals("Nội dung sinh hoạt", f.thenSingle(AgendaItemEdited.class).title());
        assertEquals("Nội dung sinh hoạt", item(f, "b").title());
        assertEquals(45, item(f, "b").plannedMinutes());
        assertEquals(List.of("a", "a.1", "a.2", "b", "c"), ids(f));
    }

    @Test
    @DisplayName("Editing an unknown item, or to a blank title or bad duration, is refused")
    void rejects_bad_edit() {
        abc().when(new EditAgendaItem("z", "Mục", 5, CONVENOR, T0)).thenRejectedWith(Reason.UNKNOWN_ITEM);
        abc().when(new EditAgendaItem("b", "", 5, CONVENOR, T0)).thenRejectedWith(Reason.EMPTY_TEXT);
        abc().when(new EditAgendaItem("b", "Mục", -5, CONVENOR, T0)).thenRejectedWith(Reason.INVALID_DURATION);
    }

    @Test
    @DisplayName("Removing an item renumbers those after it")
    void removes_item() {
        var f = abc();
        f.when(new RemoveAgendaItem("b", CONVENOR, f.now())).thenSingle(AgendaItemRemoved.class);
        assertEquals(List.of("a", "a.1", "a.2", "c"), ids(f));
        assertEquals("2", f.state().agenda().numberOf("c"));
    }

    @Test
    @DisplayName("Removing a parent removes its sub-items; removing a sub-item renumbers its siblings")
    void removing_parent_removes_sub_items() {
        var f = abc().ok(new RemoveAgendaItem("a.1", CONVENOR, T0));
        assertEquals("1.1", f.state().agenda().numberOf("a.2"));
        f.ok(new RemoveAgendaItem("a", CONVENOR, T0));
        assertEquals(List.of("b", "c"), ids(f));
    }

    @Test
    @DisplayName("Removing an unknown item is refused")
    void rejects_removing_unknown_item() {
        abc().when(new RemoveAgendaItem("z", CONVENOR, T0)).thenRejectedWith(Reason.UNKNOWN_ITEM);
    }

    @Test
    @DisplayName("An item that was discussed, or is being discussed, stays on the record")
    void rejects_removing_discussed_item() {
        var f = running().currentItem("b");
        f.when(new RemoveAgendaItem("b", CHAIR, f.now())).thenRejectedWith(Reason.ITEM_IN_USE);
        f.currentItem("c");
        f.when(new RemoveAgendaItem("b", CHAIR, f.now())).thenRejectedWith(Reason.ITEM_IN_USE);
    }

    @Test
    @DisplayName("An item that was discussed and then skipped stays on the record: its speeches are in the minutes")
    void rejects_removing_discussed_then_skipped_item() {
        var f = running().checkedIn("m03").currentItem("b");
        f.ok(new GrantFloor("m03", CHAIR, f.now())).ok(new FinishSpeech(CHAIR, f.now())).ok(new SkipItem("b", CHAIR, f.now()));
        assertEquals(ItemStatus.SKIPPED, item(f, "b").status());
        f.when(new RemoveAgendaItem("b", CHAIR, f.now())).thenRejectedWith(Reason.ITEM_IN_USE);
    }

    @Test
    @DisplayName("An item skipped before it was ever taken up may be removed")
    void removes_item_skipped_before_discussion() {
        var f = running().currentItem("a").ok(new SkipItem("b", CHAIR, T0));
        f.when(new RemoveAgendaItem("b", CHAIR, f.now())).thenSingle(AgendaItemRemoved.class);
    }

    @Test
    @DisplayName("An item with a poll cannot be removed")
    void rejects_removing_item_with_poll() {
        var f = abc().ok(new CreatePoll("p1", "b", "Thông qua?", DecisionKind.ORDINARY_RESOLUTION, null, null, 0, null,
                false, CHAIR, T0));
        f.when(new RemoveAgendaItem("b", CONVENOR, f.now())).thenRejectedWith(Reason.ITEM_IN_USE);
    }

    @Test
    @DisplayName("A parent whose sub-item has remarks cannot be removed, and neither can the sub-item")
    void rejects_removing_parent_of_item_with_remarks() {
        var f = running().checkedIn("m03")
                .ok(new RecordRemark("r1", "a.2", "m03", "Đề nghị bổ sung số liệu", MINUTE_TAKER, T0));
        f.when(new RemoveAgendaItem("a", CHAIR, f.now())).thenRejectedWith(Reason.ITEM_IN_USE);
        f.when(new RemoveAgendaItem("a.2", CHAIR, f.now())).thenRejectedWith(Reason.ITEM_IN_USE);
        f.when(new RemoveAgendaItem("a.1", CHAIR, f.now())).thenSingle(AgendaItemRemoved.class);
    }

    // ---- moving -------------------------------------------------------------------------------------------

    @Test
    @DisplayName("A top-level item moves among the top-level items and takes its sub-items along")
    void moves_top_level_item_with_sub_items() {
        var f = abc();
        f.when(new MoveAgendaItem("a", 2, CONVENOR, f.now()));
        assertEquals(new AgendaItemMoved("a", 2, f.now()), f.thenSingle(AgendaItemMoved.class));
        assertEquals(List.of("b", "c", "a", "a.1", "a.2"), ids(f));
        assertEquals(List.of("1", "2", "3", "3.1", "3.2"), numbers(f));
        f.ok(new MoveAgendaItem("c", 0, CONVENOR, f.now()));
        assertEquals(List.of("c", "b", "a", "a.1", "a.2"), ids(f));
    }

    @Test
    @DisplayName("A sub-item moves among its siblings only")
    void moves_sub_item_among_siblings() {
        var f = abc().subItem("a.3", "a", "Cử thư ký").ok(new MoveAgendaItem("a.3", 0, CONVENOR, T0));
        assertEquals(List.of("a", "a.3", "a.1", "a.2", "b", "c"), ids(f));
        assertEquals("1.1", f.state().agenda().numberOf("a.3"));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({"a, -1", "a, 3", "a.1, 2", "b, 99"})
    @DisplayName("A position outside the item's siblings is refused")
    void rejects_out_of_range_move(String id, int index) {
        abc().when(new MoveAgendaItem(id, index, CONVENOR, T0)).thenRejectedWith(Reason.INVALID_POSITION);
    }

    @Test
    @DisplayName("Moving an unknown item is refused")
    void rejects_moving_unknown_item() {
        abc().when(new MoveAgendaItem("z", 0, CONVENOR, T0)).thenRejectedWith(Reason.UNKNOWN_ITEM);
    }

    // ---- the template -------------------------------------------------------------------------------------

    @Test
    @DisplayName("The regular cell meeting template lays out the order of DOMAIN.md with ids prefix-1, prefix-2.1")
    void applies_regular_cell_meeting_template() {
        var f = draft();
        f.when(new ApplyTemplate(AgendaTemplate.REGULAR_CELL_MEETING, "t11", CONVENOR, f.now()));
        assertEquals(9, f.thenEvents().size());
        assertEquals(List.of("t11-1", "t11-2", "t11-2.1", "t11-2.2", "t11-2.3", "t11-2.4", "t11-2.5", "t11-3", "t11-4"),
                ids(f));
        assertEquals(List.of("1", "2", "2.1", "2.2", "2.3", "2.4", "2.5", "3", "4"), numbers(f));
        assertEquals("t11-2", item(f, "t11-2.1").parentId());
        assertTrue(item(f, "t11-1").title().startsWith("Khai mạc"));
        assertTrue(item(f, "t11-2.3").title().contains("Hồ Chí Minh"));
        assertTrue(item(f, "t11-3").title().startsWith("Biểu quyết"));
        assertTrue(item(f, "t11-4").title().startsWith("Thông qua biên bản"));
    }

    @Test
    @DisplayName("The template plans at least 90 minutes, and each item's sub-items fit in its time (42-HD/BTCTW)")
    void template_plans_ninety_minutes() {
        var items = AgendaTemplate.REGULAR_CELL_MEETING.items("t");
        int top = items.stream().filter(AgendaItem::topLevel).mapToInt(AgendaItem::plannedMinutes).sum();
        assertTrue(top >= 90, top + " minutes");
        for (var parent : items.stream().filter(AgendaItem::topLevel).toList()) {
            int subs = items.stream().filter(i -> parent.id().equals(i.parentId())).mapToInt(AgendaItem::plannedMinutes).sum();
            assertTrue(subs <= parent.plannedMinutes(), parent.id());
        }
        assertEquals(4, AgendaTemplate.REGULAR_CELL_MEETING.entries().size());
    }

    @Test
    @DisplayName("Applying the template twice with the same prefix is refused; another prefix is fine")
    void rejects_template_twice_with_same_prefix() {
        var f = draft().ok(new ApplyTemplate(AgendaTemplate.REGULAR_CELL_MEETING, "t", CONVENOR, T0));
        f.when(new ApplyTemplate(AgendaTemplate.REGULAR_CELL_MEETING, "t", CONVENOR, f.now()))
                .thenRejectedWith(Reason.ITEM_ALREADY_EXISTS);
        assertEquals(9, ids(f).size());
        f.when(new ApplyTemplate(AgendaTemplate.REGULAR_CELL_MEETING, "u", CONVENOR, f.now())).thenAccepted();
        assertEquals(18, ids(f).size());
    }

    @Test
    @DisplayName("A template needs a prefix and a template")
    void rejects_template_without_prefix() {
        draft().when(new ApplyTemplate(AgendaTemplate.REGULAR_CELL_MEETING, " ", CONVENOR, T0))
                .thenRejectedWith(Reason.EMPTY_TEXT);
        draft().when(new ApplyTemplate(null, "t", CONVENOR, T0)).thenRejectedWith(Reason.EMPTY_TEXT);
    }

    // ---- moving through the agenda -----------------------------------------------------------------------

    @Test
    @DisplayName("Next item from the beginning starts the first item")
    void next_from_beginning_starts_first_item() {
        var f = running();
        f.when(new NextItem(CHAIR, f.now()));
        assertEquals(new CurrentItemChanged(null, "a", f.now()), f.thenSingle(CurrentItemChanged.class));
        assertEquals("a", f.state().agenda().currentItemId());
        assertEquals(ItemStatus.CURRENT, item(f, "a").status());
    }

    @Test
    @DisplayName("Next and previous walk the items in reading order, sub-items included")
    void next_and_previous_walk_reading_order() {
        var f = running();
        for (String expected : List.of("a", "a.1", "a.2", "b", "c")) {
            f.ok(new NextItem(CHAIR, f.now()));
            assertEquals(expected, f.state().agenda().currentItemId());
        }
        f.when(new NextItem(CHAIR, f.now())).thenRejectedWith(Reason.NO_NEXT_ITEM);
        f.ok(new PreviousItem(CHAIR, f.now()));
        assertEquals("b", f.state().agenda().currentItemId());
        assertEquals(ItemStatus.DONE, item(f, "c").status());
    }

    @Test
    @DisplayName("There is nothing before the first item, nor before the meeting's first item starts")
    void no_previous_at_first_item() {
        var f = running();
        f.when(new PreviousItem(CHAIR, f.now())).thenRejectedWith(Reason.NO_PREVIOUS_ITEM);
        f.currentItem("a");
        f.when(new PreviousItem(CHAIR, f.now())).thenRejectedWith(Reason.NO_PREVIOUS_ITEM);
    }

    @Test
    @DisplayName("The chair may jump to any item, but not to the one under way or an unknown one")
    void starts_any_item() {
        var f = running().currentItem("b");
        f.when(new StartItem("a.2", CHAIR, f.now()));
        assertEquals("b", f.thenSingle(CurrentItemChanged.class).fromItemId());
        assertEquals(ItemStatus.DONE, item(f, "b").status());
        f.when(new StartItem("a.2", CHAIR, f.now())).thenRejectedWith(Reason.ITEM_IS_CURRENT);
        f.when(new StartItem("z", CHAIR, f.now())).thenRejectedWith(Reason.UNKNOWN_ITEM);
    }

    @Test
    @DisplayName("Items are started only in a meeting under way")
    void rejects_moving_before_start() {
        abc().published().when(new StartItem("a", CHAIR, T0)).thenRejectedWith(Reason.MEETING_NOT_STARTED);
        abc().published().when(new NextItem(CHAIR, T0)).thenRejectedWith(Reason.MEETING_NOT_STARTED);
    }

    @Test
    @DisplayName("Skipped items are passed over by next and by previous")
    void skipped_items_are_passed_over() {
        var f = running().currentItem("a.1");
        f.when(new SkipItem("a.2", CHAIR, f.now()));
        assertEquals(new ItemSkipped("a.2", f.now()), f.thenSingle(ItemSkipped.class));
        assertEquals(ItemStatus.SKIPPED, item(f, "a.2").status());
        f.ok(new NextItem(CHAIR, f.now()));
        assertEquals("b", f.state().agenda().currentItemId());
        f.ok(new PreviousItem(CHAIR, f.now()));
        assertEquals("a.1", f.state().agenda().currentItemId());
    }

    @Test
    @DisplayName("Skipping the current item ends its speech and moves on to the next item")
    void skipping_current_item_moves_on() {
        var f = running().currentItem("b").checkedIn("m03");
        f.ok(new GrantFloor("m03", CHAIR, f.now()));
        var at = f.now();
        var events = f.when(new SkipItem("b", CHAIR, at)).thenEvents();
        assertEquals(3, events.size(), events::toString);
        assertInstanceOf(SpeechFinished.class, events.get(0));
        assertEquals(new CurrentItemChanged("b", "c", at), events.get(1));
        assertEquals(new ItemSkipped("b", at), events.get(2));
        assertEquals("c", f.state().agenda().currentItemId());
        assertEquals(ItemStatus.SKIPPED, item(f, "b").status());
    }

    @Test
    @DisplayName("Skipping the last item, when current, leaves no item under way")
    void skipping_current_last_item() {
        var f = running().currentItem("c");
        f.when(new SkipItem("c", CHAIR, f.now()));
        assertEquals(new CurrentItemChanged("c", null, f.now()), f.thenEvents().get(0));
        assertNull(f.state().agenda().currentItemId());
    }

    @Test
    @DisplayName("A done item cannot be skipped, nor a skipped one skipped again")
    void rejects_skipping_done_or_skipped_item() {
        var f = running().currentItem("a").currentItem("b").ok(new SkipItem("c", CHAIR, T0));
        f.when(new SkipItem("a", CHAIR, f.now())).thenRejectedWith(Reason.ITEM_ALREADY_DONE);
        f.when(new SkipItem("c", CHAIR, f.now())).thenRejectedWith(Reason.ITEM_ALREADY_SKIPPED);
        f.when(new SkipItem("z", CHAIR, f.now())).thenRejectedWith(Reason.UNKNOWN_ITEM);
    }

    @Test
    @DisplayName("The time actually spent on an item adds up over every visit")
    void time_spent_accumulates_across_visits() {
        var f = running();
        var t = T0.plus(Duration.ofDays(3));
        f.ok(new StartItem("b", CHAIR, t));
        assertEquals(0, item(f, "b").spentSeconds());
        assertEquals(t, item(f, "b").currentSince());
        f.ok(new StartItem("c", CHAIR, t.plusSeconds(300)));
        assertEquals(300, item(f, "b").spentSeconds());
        f.ok(new PreviousItem(CHAIR, t.plusSeconds(480)));
        assertEquals(180, item(f, "c").spentSeconds());
        f.ok(new NextItem(CHAIR, t.plusSeconds(600)));
        assertEquals(420, item(f, "b").spentSeconds());
        assertNull(item(f, "b").currentSince());
        f.ok(new CloseMeeting(CHAIR, t.plusSeconds(660)));
        assertEquals(240, item(f, "c").spentSeconds());
    }

    // ---- documents ----------------------------------------------------------------------------------------

    @Test
    @DisplayName("A document is attached to an item by reference; attaching it again replaces it")
    void attaches_document() {
        var f = abc();
        var doc = new DocumentRef("d1", "Dự thảo nghị quyết tháng 11", SHA, 4, Classification.MAT);
        f.when(new AttachDocument("b", doc, CONVENOR, f.now()));
        assertEquals(doc, f.thenSingle(DocumentAttached.class).document());
        assertEquals(List.of(doc), item(f, "b").documents());
        assertTrue(item(f, "b").hasDocument("d1"));
        var revised = new DocumentRef("d1", "Dự thảo nghị quyết (sửa)", SHA, 5, Classification.MAT);
        f.ok(new AttachDocument("b", revised, CONVENOR, f.now()));
        assertEquals(List.of(revised), item(f, "b").documents());
    }

    @Test
    @DisplayName("A document is detached from its item; an unknown document or item is refused")
    void detaches_document() {
        var f = abc().ok(new AttachDocument("b", new DocumentRef("d1", "Tài liệu", SHA, 1, Classification.UNCLASSIFIED),
                CONVENOR, T0));
        f.when(new DetachDocument("c", "d1", CONVENOR, f.now())).thenRejectedWith(Reason.UNKNOWN_DOCUMENT);
        f.when(new DetachDocument("z", "d1", CONVENOR, f.now())).thenRejectedWith(Reason.UNKNOWN_ITEM);
        f.when(new DetachDocument("b", "d1", CONVENOR, f.now())).thenSingle(DocumentDetached.class);
        assertFalse(item(f, "b").hasDocument("d1"));
        f.when(new DetachDocument("b", "d1", CONVENOR, f.now())).thenRejectedWith(Reason.UNKNOWN_DOCUMENT);
    }

    static Stream<Arguments> malformedDocuments() {
        return Stream.of(
                Arguments.of("SHA-256 too short", new DocumentRef("d1", "Tài liệu", SHA.substring(1), 1, Classification.MAT)),
                Arguments.of("SHA-256 not hex", new DocumentRef("d1", "Tài liệu", "z".repeat(64), 1, Classification.MAT)),
                Arguments.of("SHA-256 too long", new DocumentRef("d1", "Tài liệu", SHA + "0", 1, Classification.MAT)),
                Arguments.of("zero pages", new DocumentRef("d1", "Tài liệu", SHA, 0, Classification.MAT)),
                Arguments.of("negative pages", new DocumentRef("d1", "Tài liệu", SHA, -3, Classification.MAT)),
                Arguments.of("blank title", new DocumentRef("d1", " ", SHA, 1, Classification.MAT)),
                Arguments.of("blank id", new DocumentRef("", "Tài liệu", SHA, 1, Classification.MAT)),
                Arguments.of("no document", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDocuments")
    @DisplayName("A document needs an id, a title, a SHA-256 and pages")
    void rejects_malformed_document(String name, DocumentRef doc) {
        abc().when(new AttachDocument("b", doc, CONVENOR, T0)).thenRejectedWith(Reason.INVALID_DOCUMENT);
    }

    @Test
    @DisplayName("A document is attached only to an existing item")
    void rejects_document_for_unknown_item() {
        abc().when(new AttachDocument("z", new DocumentRef("d1", "Tài liệu", SHA, 1, Classification.MAT), CONVENOR, T0))
                .thenRejectedWith(Reason.UNKNOWN_ITEM);
    }

    @ParameterizedTest(name = "{0} → {1} years")
    @CsvSource({"UNCLASSIFIED, 0, false", "MAT, 10, true", "TOI_MAT, 20, true", "TUYET_MAT, 30, true"})
    @DisplayName("State-secret levels: Mật, Tối mật, Tuyệt mật are protected 10, 20, 30 years")
    void classification_levels(Classification c, int years, boolean classified) {
        assertEquals(years, c.protectedYears());
        assertEquals(classified, c.classified());
    }

    @ParameterizedTest
    @ValueSource(strings = {"b", "a.1"})
    @DisplayName("Sibling counts: top-level items among themselves, sub-items within their parent")
    void sibling_count(String id) {
        assertEquals(id.equals("b") ? 3 : 2, abc().state().agenda().siblingCount(id));
    }
}
