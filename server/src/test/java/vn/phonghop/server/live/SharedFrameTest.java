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

    @Test
    @DisplayName("A single event goes as itself")
    void single_event() {
        var frame = SharedFrame.of(List.of(vote(10, "p1", polls(1))), Audience.DELEGATE);
        assertEquals(10L, new JsonObject(frame.text()).getLong("seq"));
    }
}
