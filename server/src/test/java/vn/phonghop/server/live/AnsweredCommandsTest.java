package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnsweredCommandsTest {
    private static final Instant T = Instant.parse("2026-11-24T19:30:00Z");

    @Test
    @DisplayName("A command answered lately is remembered with the seq of its ack; an unknown one is not")
    void remembers() {
        var a = new AnsweredCommands();
        a.put("c-1", 41, T);
        a.put("c-2", 43, T.plusSeconds(1));
        assertEquals(41, a.seqOf("c-1"));
        assertEquals(43, a.seqOf("c-2"));
        assertEquals(-1, a.seqOf("c-3"));
    }

    @Test
    @DisplayName("Those answered more than the kept time before the latest are forgotten, the rest kept")
    void forgets_the_old() {
        var a = new AnsweredCommands(Duration.ofMinutes(10));
        a.put("early", 1, T);
        a.put("later", 2, T.plus(Duration.ofMinutes(5)));
        a.put("edge", 3, T.plus(Duration.ofMinutes(10)));
        assertEquals(1, a.seqOf("early"), "exactly ten minutes before: still kept");
        a.put("now", 4, T.plus(Duration.ofMinutes(10)).plusMillis(1));
        assertEquals(-1, a.seqOf("early"));
        assertEquals(2, a.seqOf("later"));
        assertEquals(3, a.seqOf("edge"));
        assertEquals(3, a.size());
        a.put("much later", 5, T.plus(Duration.ofHours(1)));
        assertEquals(1, a.size(), "only the last one is within ten minutes of itself");
        assertEquals(5, a.seqOf("much later"));
    }

    @Test
    @DisplayName("A busy meeting keeps ten minutes of commands, not its whole life's")
    void bounded_in_a_long_meeting() {
        var a = new AnsweredCommands(Duration.ofMinutes(10));
        // one command a second for an hour
        for (int s = 0; s < 3_600; s++) a.put("c-" + s, s + 1, T.plusSeconds(s));
        assertEquals(601, a.size());
        assertEquals(-1, a.seqOf("c-2998"));
        assertEquals(3_000, a.seqOf("c-2999"));
    }

    @Test
    @DisplayName("Cleared (the meeting rebuilt from the store), it remembers nothing")
    void cleared() {
        var a = new AnsweredCommands();
        a.put("c-1", 41, T);
        a.clear();
        assertEquals(-1, a.seqOf("c-1"));
        assertEquals(0, a.size());
    }
}
