package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The turns of a room's lanes round the pace ({@link LiveHub#nextTurn}): a lane's votes wait at
 * most one pace, a lane writes votes at most once per pace once busy, and the lanes of a room take
 * their turns one after the other, not together.
 */
class PaceTest {
    private static final long PACE = LiveHub.PACE_NANOS;
    private static final int LANES = LiveHub.PACE_LANES;
    private static final long TURN = PACE / LANES;

    @Test
    @DisplayName("A lane that wrote in its own turn writes next one pace later, however late in the turn it wrote")
    void a_busy_lane_writes_once_a_pace() {
        long base = 1_000_000L * PACE;
        for (int lane = 0; lane < LANES; lane++) {
            long turn = base + lane * TURN;
            assertEquals(turn + PACE, LiveHub.nextTurn(lane, turn), "at the start of its turn, lane " + lane);
            assertEquals(turn + PACE, LiveHub.nextTurn(lane, turn + TURN - 1), "late in its turn, lane " + lane);
        }
    }

    @Test
    @DisplayName("Whenever a lane last wrote, its next turn is its own, after that write and at most one pace later")
    void the_next_turn_is_the_lanes_own_within_a_pace() {
        for (int lane = 0; lane < LANES; lane++) {
            for (long written = -3 * PACE; written < 3 * PACE; written += TURN / 3 + 1) {
                long next = LiveHub.nextTurn(lane, written);
                assertTrue(next > written && next <= written + PACE, "lane " + lane + " wrote at " + written + ", next " + next);
                assertEquals(0, Math.floorMod(next, TURN), "a turn starts on the clock's grid");
                assertEquals(lane, Math.floorMod(next / TURN, LANES), "lane " + lane + "'s own turn");
            }
        }
    }

    @Test
    @DisplayName("Lanes that all wrote at once (the first vote after a quiet pace) take their next turns one after the other")
    void lanes_written_together_spread_out() {
        long written = 123_456_789L;
        var turns = new TreeSet<Long>();
        for (int lane = 0; lane < LANES; lane++) turns.add(LiveHub.nextTurn(lane, written));
        assertEquals(LANES, turns.size(), "no two lanes at the same time: " + turns);
        assertEquals((LANES - 1) * TURN, turns.last() - turns.first(), "one turn apart: " + turns);
    }

    @Test
    @DisplayName("A lane that has not written for a whole pace is due at once")
    void a_quiet_lane_writes_at_once() {
        long now = 987_654_321_000L;
        for (int lane = 0; lane < LANES; lane++) {
            assertTrue(LiveHub.nextTurn(lane, now - PACE) <= now, "lane " + lane);
            assertTrue(LiveHub.nextTurn(lane, now - 10 * PACE) <= now, "lane " + lane);
        }
    }
}
