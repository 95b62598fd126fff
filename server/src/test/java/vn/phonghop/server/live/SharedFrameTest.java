package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The frame of a durable batch per audience, and when a run of votes is folded into one item. */
class SharedFrameTest {

    /** A vote: the console sees who voted; delegates see "one more has voted", with this patch. */
    private static LiveMessage vote(long seq, String pollId, JsonObject patch) {
        String at = "2026-11-23T02:00:0" + (seq % 10) + "Z";
        var texts = new EnumMap<Audience, String>(Audience.class);
        texts.put(Audience.CONSOLE, new JsonObject().put("type", "event").put("seq", seq)
                .put("event", new JsonObject().put("type", "VoterMarked").put("pollId", pollId).put("voterId", "m" + seq).put("at", at))
                .put("patch", patch).encode());
        var counted = new JsonObject().put("type", "VoteCounted").put("pollId", pollId).put("at", at);
        texts.put(Audience.DELEGATE, new JsonObject().put("type", "event").put("seq", seq).put("event", counted)
                .put("patch", patch).encode());
        return new LiveMessage("mt", seq, texts, Map.of(Audience.DELEGATE, ViewTracker.countedAs(counted, patch).orElseThrow()));
    }

    private static LiveMessage other(long seq) {
        var texts = new EnumMap<Audience, String>(Audience.class);
        for (Audience a : List.of(Audience.CONSOLE, Audience.DELEGATE)) {
            texts.put(a, new JsonObject().put("type", "event").put("seq", seq)
                    .put("event", new JsonObject().put("type", "FloorRequested").put("personId", "m1")).put("patch", new JsonObject()).encode());
        }
        return new LiveMessage("mt", seq, texts);
    }

    private static JsonObject polls(int voted) {
        return new JsonObject().put("polls", new JsonArray().add(new JsonObject().put("id", "p1").put("votedCount", voted)));
    }

    private static JsonArray items(List<LiveMessage> batch, Audience a) {
        var frame = new JsonObject(SharedFrame.of(batch, a).text());
        assertEquals("events", frame.getString("type"));
        return frame.getJsonArray("items");
    }

    @Test
    @DisplayName("A group commit of votes reaches a delegate as one item standing for all of them, with the count after the last")
    void votes_fold_for_delegates() {
        var batch = List.of(vote(10, "p1", new JsonObject()), vote(11, "p1", new JsonObject()), vote(12, "p1", polls(3)));
        var items = items(batch, Audience.DELEGATE);
        assertEquals(1, items.size());
        var item = items.getJsonObject(0);
        assertEquals(10L, item.getLong("fromSeq"));
        assertEquals(12L, item.getLong("seq"));
        assertEquals("2026-11-23T02:00:00Z", item.getString("firstAt"));
        assertEquals("VoteCounted", item.getJsonObject("event").getString("type"));
        assertEquals(polls(3), item.getJsonObject("patch"));
    }

    @Test
    @DisplayName("The console gets every vote singly: it shows who has voted")
    void console_is_never_folded() {
        var batch = List.of(vote(10, "p1", new JsonObject()), vote(11, "p1", new JsonObject()), vote(12, "p1", polls(3)));
        var items = items(batch, Audience.CONSOLE);
        assertEquals(3, items.size());
        for (int i = 0; i < 3; i++) assertEquals(10L + i, items.getJsonObject(i).getLong("seq"));
        assertEquals(false, items.getJsonObject(0).containsKey("fromSeq"));
    }

    @Test
    @DisplayName("Two commits in one tick fold into one item: the later count replaces the earlier")
    void later_patch_replaces_earlier() {
        var batch = List.of(vote(10, "p1", new JsonObject()), vote(11, "p1", polls(2)), vote(12, "p1", new JsonObject()),
                vote(13, "p1", polls(4)));
        var items = items(batch, Audience.DELEGATE);
        assertEquals(1, items.size());
        assertEquals(10L, items.getJsonObject(0).getLong("fromSeq"));
        assertEquals(polls(4), items.getJsonObject(0).getJsonObject("patch"));
    }

    @Test
    @DisplayName("Runs stop at anything else, at another poll, and where a later patch would not replace an earlier one")
    void runs_stop() {
        var agenda = polls(2).put("agenda", new JsonObject().put("currentItemId", "i-2"));
        var batch = List.of(vote(10, "p1", new JsonObject()), vote(11, "p1", new JsonObject()), other(12),
                vote(13, "p1", new JsonObject()), vote(14, "p2", new JsonObject()), vote(15, "p2", agenda), vote(16, "p2", polls(3)));
        var items = items(batch, Audience.DELEGATE);
        var seqs = new JsonArray();
        for (Object o : items) {
            var i = (JsonObject) o;
            seqs.add(i.containsKey("fromSeq") ? i.getLong("fromSeq") + "-" + i.getLong("seq") : String.valueOf(i.getLong("seq")));
        }
        // 16's patch has no agenda: folding 15 into it would lose the agenda change
        assertEquals(new JsonArray().add("10-11").add("12").add("13").add("14-15").add("16"), seqs);
    }

    private static JsonObject pollRows(String... rows) {
        var out = new JsonArray();
        for (String r : rows) out.add(new JsonObject().put("id", r.split("=")[0]).put("votedCount", Integer.parseInt(r.split("=")[1])));
        return new JsonObject().put("pollRows", out);
    }

    @Test
    @DisplayName("Poll rows fold like a slice, row by row: a later row replaces an earlier one of the same poll only")
    void poll_rows_fold_by_row() {
        var same = items(List.of(vote(10, "p2", pollRows("p2=1")), vote(11, "p2", pollRows("p2=2"))), Audience.DELEGATE);
        assertEquals(1, same.size());
        assertEquals(pollRows("p2=2"), same.getJsonObject(0).getJsonObject("patch"));
        // 10's patch also changed p3's row, which 11's does not carry: folding them would lose it
        var other = items(List.of(vote(10, "p2", pollRows("p2=1", "p3=0")), vote(11, "p2", pollRows("p2=2"))), Audience.DELEGATE);
        assertEquals(2, other.size());
        assertEquals(pollRows("p2=1", "p3=0"), other.getJsonObject(0).getJsonObject("patch"));
    }

    /** An event as the console receives it, encoded as {@link ViewTracker#next} encodes it (its patch cuttable). */
    private static LiveMessage console(long seq, JsonObject event, JsonObject patch) {
        var encoded = ViewTracker.encode(seq, event, null, patch, Map.of());
        var patches = new EnumMap<Audience, LiveMessage.Patch>(Audience.class);
        if (encoded.patch() != null) patches.put(Audience.CONSOLE, encoded.patch());
        return new LiveMessage("mt", seq, Map.of(Audience.CONSOLE, encoded.text()), Map.of(), patches);
    }

    private static LiveMessage consoleVote(long seq, String pollId, JsonObject patch) {
        return console(seq, new JsonObject().put("type", "VoterMarked").put("pollId", pollId).put("voterId", "m" + seq), patch);
    }

    /** A poll's row as the console sees it: who has voted. */
    private static JsonObject row(String pollId, int voters) {
        var voted = new JsonArray();
        for (int i = 0; i < voters; i++) voted.add("m" + i);
        return new JsonObject().put("id", pollId).put("votedCount", voters).put("voters", voted);
    }

    private static JsonObject rows(JsonObject... rows) {
        var out = new JsonArray();
        for (var r : rows) out.add(r);
        return new JsonObject().put("pollRows", out);
    }

    @Test
    @DisplayName("The console gets every vote, but a poll's row (its voters) only from the last vote of the frame that carries it")
    void console_gets_the_last_row_only() {
        var batch = List.of(consoleVote(10, "p1", rows(row("p1", 1))), consoleVote(11, "p1", rows(row("p1", 2))),
                consoleVote(12, "p1", rows(row("p1", 3))));
        var items = items(batch, Audience.CONSOLE);
        assertEquals(3, items.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(10L + i, items.getJsonObject(i).getLong("seq"));
            assertEquals("m" + (10 + i), items.getJsonObject(i).getJsonObject("event").getString("voterId"));
        }
        assertEquals(new JsonObject(), items.getJsonObject(0).getJsonObject("patch"));
        assertEquals(new JsonObject(), items.getJsonObject(1).getJsonObject("patch"));
        assertEquals(rows(row("p1", 3)), items.getJsonObject(2).getJsonObject("patch"));
        // the texts are what ViewTracker encodes: the same as encoding the whole message
        assertEquals(new JsonObject().put("type", "event").put("seq", 12L).put("event", new JsonObject().put("type", "VoterMarked")
                .put("pollId", "p1").put("voterId", "m12")).put("patch", rows(row("p1", 3))).encode(), batch.get(2).textFor(Audience.CONSOLE));
    }

    @Test
    @DisplayName("A console patch stays unless later items replace all of it: the poll list, other rows, roster rows")
    void console_keeps_what_is_not_replaced() {
        var list = new JsonObject().put("polls", new JsonArray().add(row("p1", 0)).add(row("p2", 0)));
        // a new poll list is not replaced by a later row of one poll
        var newPoll = items(List.of(consoleVote(10, "p1", list), consoleVote(11, "p1", rows(row("p1", 1)))), Audience.CONSOLE);
        assertEquals(list, newPoll.getJsonObject(0).getJsonObject("patch"));
        // a row of p2 beside p1's is not replaced by p1's alone
        var twoRows = items(List.of(consoleVote(10, "p1", rows(row("p1", 1), row("p2", 1))), consoleVote(11, "p1", rows(row("p1", 2)))),
                Audience.CONSOLE);
        assertEquals(rows(row("p1", 1), row("p2", 1)), twoRows.getJsonObject(0).getJsonObject("patch"));
        // a later poll list replaces the rows
        var listAfter = items(List.of(consoleVote(10, "p1", rows(row("p1", 1))), consoleVote(11, "p1", list)), Audience.CONSOLE);
        assertEquals(new JsonObject(), listAfter.getJsonObject(0).getJsonObject("patch"));
        // roster rows are only the members that changed: never left out
        var roster = new JsonObject().put("rosterRows", new JsonArray().add(new JsonObject().put("id", "m1").put("present", true)));
        var checkIn = items(List.of(console(10, new JsonObject().put("type", "CheckedIn").put("personId", "m1"), roster),
                console(11, new JsonObject().put("type", "CheckedIn").put("personId", "m2"), roster)), Audience.CONSOLE);
        assertEquals(roster, checkIn.getJsonObject(0).getJsonObject("patch"));
        // delegates' items are left as they are (theirs fold instead)
        assertEquals(3, items(List.of(vote(10, "p1", polls(1)), other(11), vote(12, "p1", polls(2))), Audience.DELEGATE).size());
    }

    /**
     * What live.js does with an item's patch: slices replaced, poll rows and roster rows replaced by
     * id, a poll row's {@code votersAdded} added to the voters (the rows here list them in order).
     */
    private static void apply(JsonObject view, JsonObject patch) {
        for (String slice : patch.fieldNames()) {
            Object value = patch.getValue(slice);
            if (slice.equals("pollRows") || slice.equals("rosterRows")) {
                String target = slice.equals("pollRows") ? "polls" : "roster";
                var byId = new java.util.HashMap<String, Object>();
                ((JsonArray) value).forEach(r -> byId.put(((JsonObject) r).getString("id"), r));
                var now = new JsonArray();
                for (Object r : view.getJsonArray(target, new JsonArray())) {
                    var old = (JsonObject) r;
                    var row = (JsonObject) byId.get(old.getString("id"));
                    if (row == null) now.add(old);
                    else if (!row.containsKey("votersAdded")) now.add(row);
                    else {
                        // the voters since the row the device has, added to its voters
                        var voters = old.getJsonArray("voters").copy().addAll(row.getJsonArray("votersAdded"));
                        var whole = row.copy();
                        whole.remove("votersAdded");
                        now.add(whole.put("voters", voters));
                    }
                }
                view.put(target, now);
            } else {
                view.put(slice, value);
            }
        }
    }

    @Test
    @DisplayName("A console applying a frame with the replaced patches left out ends where it would with every patch")
    void console_ends_in_the_same_state() {
        var random = new java.util.Random(8);
        for (int round = 0; round < 200; round++) {
            var batch = new java.util.ArrayList<LiveMessage>();
            int voters = 0;
            for (int seq = 1; seq <= 2 + random.nextInt(12); seq++) {
                var patch = new JsonObject();
                switch (random.nextInt(7)) {
                    case 0 -> patch.put("polls", new JsonArray().add(row("p1", voters)).add(row("p" + (2 + random.nextInt(3)), 0)));
                    case 1 -> patch.put("pollRows", new JsonArray().add(row("p1", ++voters)).add(row("p2", random.nextInt(5))));
                    case 2 -> patch.put("rosterRows", new JsonArray().add(new JsonObject().put("id", "m" + random.nextInt(3)).put("n", seq)));
                    case 3 -> patch.put("queue", new JsonArray().add(seq)).put("pollRows", new JsonArray().add(row("p1", ++voters)));
                    case 4 -> { }
                    case 5 -> patch.put("pollRows", new JsonArray().add(new JsonObject().put("id", "p1").put("votedCount", ++voters)
                            .put("votersAdded", new JsonArray().add("m" + (voters - 1)))));
                    default -> patch.put("pollRows", new JsonArray().add(row("p1", ++voters)));
                }
                batch.add(consoleVote(seq, "p1", patch));
            }
            var start = new JsonObject().put("polls", new JsonArray().add(row("p1", 0)).add(row("p2", 0)))
                    .put("roster", new JsonArray().add(new JsonObject().put("id", "m0")).add(new JsonObject().put("id", "m1"))
                            .add(new JsonObject().put("id", "m2")));
            var everyPatch = start.copy();
            for (var m : batch) apply(everyPatch, new JsonObject(m.textFor(Audience.CONSOLE)).getJsonObject("patch"));
            var fromFrame = start.copy();
            var items = items(batch, Audience.CONSOLE);
            assertEquals(batch.size(), items.size());
            for (Object item : items) apply(fromFrame, ((JsonObject) item).getJsonObject("patch"));
            assertEquals(everyPatch, fromFrame, "round " + round);
        }
    }

    @Test
    @DisplayName("A single event goes as itself")
    void single_event() {
        var frame = SharedFrame.of(List.of(vote(10, "p1", polls(1))), Audience.DELEGATE);
        assertEquals(10L, new JsonObject(frame.text()).getLong("seq"));
    }
}
