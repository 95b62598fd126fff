package vn.phonghop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WindowTest {
    @Test
    @DisplayName("A shared window counts only the events the server recorded after it opened: a late delivery of the phase before is not this phase's")
    void shared_window_counts_its_own_phase_only() {
        String before = Instant.now().minusSeconds(1).toString();
        var w = new Window(false);
        String after = Instant.now().plusMillis(1).toString();
        w.event(7, "FloorRequested", before, System.nanoTime(), 100, 0);
        w.folded(3, 5, "VoteCounted", before, System.nanoTime(), 100, 0);
        assertEquals(0, w.events.get());
        w.event(8, "FloorRequested", after, System.nanoTime(), 100, 0);
        w.folded(9, 10, "VoteCounted", after, System.nanoTime(), 100, 0);
        assertEquals(3, w.events.get());
    }

    @Test
    @DisplayName("An event's time is read as Instant reads it, whether the text repeats the last one or not")
    void micros_reads_as_instant_does() {
        for (String at : new String[] {"2026-11-25T03:59:32.540123Z", "2026-11-25T03:59:32.540123Z", "2026-11-25T03:59:32Z",
                "2026-11-25T03:59:32.5Z", "2026-11-25T03:59:32.540123456Z", "2026-11-25T03:59:32.540123Z"}) {
            Instant i = Instant.parse(at);
            assertEquals(i.getEpochSecond() * 1_000_000 + i.getNano() / 1000, Window.micros(at), at);
        }
    }

    @Test
    @DisplayName("Folded votes count per event and per node, each from its own time when the console reported it")
    void folded_votes_count_per_node() {
        var w = new Window(true);
        long now = System.nanoTime();
        String at = Instant.ofEpochMilli(w.wallMicros(now) / 1000 - 30).toString();
        w.event(4, "VoteCounted", at, now, 100, 0);
        w.folded(4, 6, "VoteCounted", at, now, 100, 1);
        w.folded(5, 6, "VoteCounted", at, now, 100, 0);
        assertEquals(3, w.deliveryLatencyOnNode(0, "VoteCounted").getLong("count"));
        assertEquals(3, w.deliveryLatencyOnNode(1, "VoteCounted").getLong("count"));
        assertEquals(6, w.deliveryLatency("VoteCounted").getLong("count"));
    }
}
