package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CatchUpWindowTest {
    private static LiveMessage message(long seq, int delegateChars, int consoleChars) {
        var texts = new EnumMap<Audience, String>(Audience.class);
        texts.put(Audience.DELEGATE, "d".repeat(delegateChars));
        texts.put(Audience.CONSOLE, "c".repeat(consoleChars));
        texts.put(Audience.DISPLAY, null);
        return new LiveMessage("mt", seq, texts, Map.of());
    }

    private static List<Long> seqs(List<LiveMessage> ms) {
        return ms.stream().map(LiveMessage::seq).toList();
    }

    @Test
    @DisplayName("A device just behind gets exactly the messages after its seq")
    void gives_what_was_missed() {
        var w = new CatchUpWindow(4, 1_000);
        for (long s = 1; s <= 3; s++) w.add(message(s, 10, 10));
        assertEquals(List.of(2L, 3L), seqs(w.after(1)));
        assertEquals(List.of(1L, 2L, 3L), seqs(w.after(0)));
    }

    @Test
    @DisplayName("Past its count the oldest go, and a device that missed one of them needs a snapshot")
    void bounded_by_count() {
        var w = new CatchUpWindow(4, 1_000);
        for (long s = 1; s <= 10; s++) w.add(message(s, 10, 10));
        assertEquals(4, w.size());
        assertEquals(List.of(7L, 8L, 9L, 10L), seqs(w.after(6)));
        assertNull(w.after(5), "seq 6 is no longer kept");
    }

    @Test
    @DisplayName("Past its characters (all audiences' texts together) the oldest go")
    void bounded_by_characters() {
        var w = new CatchUpWindow(100, 100);
        w.add(message(1, 30, 10));
        w.add(message(2, 30, 10));
        assertEquals(List.of(1L, 2L), seqs(w.after(0)));
        w.add(message(3, 30, 0));
        assertEquals(2, w.size(), "40 + 40 + 30 > 100: the first goes");
        assertNull(w.after(0));
        assertEquals(List.of(2L, 3L), seqs(w.after(1)));
    }

    @Test
    @DisplayName("A message larger than the whole window is not kept: whoever missed it gets a snapshot")
    void oversized_message_not_kept() {
        var w = new CatchUpWindow(100, 100);
        w.add(message(1, 10, 10));
        w.add(message(2, 200, 0));
        assertEquals(0, w.size());
        assertNull(w.after(1));
        w.add(message(3, 10, 0));
        assertNull(w.after(1), "seq 2 is missing");
        assertEquals(List.of(3L), seqs(w.after(2)));
    }

    @Test
    @DisplayName("Cleared (the meeting rebuilt from the store), it keeps nothing")
    void cleared() {
        var w = new CatchUpWindow(4, 1_000);
        w.add(message(1, 10, 10));
        w.clear();
        assertNull(w.after(0));
        w.add(message(2, 10, 10));
        assertEquals(List.of(2L), seqs(w.after(1)));
    }
}
