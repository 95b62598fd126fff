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
}
