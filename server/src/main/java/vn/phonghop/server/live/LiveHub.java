package vn.phonghop.server.live;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sockets of one event loop, grouped by meeting. A meeting's durable events arrive once per
 * node from its writer, already serialized per audience, in batches (one per group commit); the
 * hub makes one frame per audience per batch, encoded once, and writes the same bytes to every
 * socket of that audience. Confined to the context of the verticle that owns it.
 *
 * <p>Votes are paced. A busy poll of 1,500 commits a vote every few milliseconds; a frame per
 * commit to every tablet would saturate the machine, so each socket gets at most one frame of
 * votes per {@link #PACE_NANOS}, folding those that came meanwhile. The room's sockets take their
 * turns in {@link #PACE_LANES} lanes, one lane after the other round the pace, rather than all at
 * the same instant: a vote then reaches the last tablet about one pace after it was cast, where
 * holding every socket for a common tick added the whole fan-out's time to the tick's (measured
 * at a congress of 1,500 on two cores, docs/performance.md). A vote after a quiet pace goes at
 * once; anything else goes at once to every lane, after the votes the lane held.
 */
public final class LiveHub {
    /**
     * The longest a vote waits before a socket is sent it: 25 frames a second per tablet at most in
     * a busy poll. {@code phonghop.paceMs} overrides it, for comparisons.
     */
    static final long PACE_NANOS = Long.getLong("phonghop.paceMs", 40) * 1_000_000L;
    /** How many turns a room's sockets take round a pace ({@code phonghop.paceLanes}). */
    static final int PACE_LANES = Integer.getInteger("phonghop.paceLanes", 8);

    private final Vertx vertx;
    private final vn.phonghop.server.ops.Metrics metrics;
    private final Map<String, Room> rooms = new HashMap<>();

    public LiveHub(Vertx vertx, vn.phonghop.server.ops.Metrics metrics) {
        this.vertx = vertx;
        this.metrics = metrics;
    }

    /**
     * The heartbeat goes round the sockets in this many slices, one per tick: with 9,000 sockets on
     * a loop, pinging them all at once held every event behind 9,000 writes (~90 ms) every 15 s.
     */
    public static final int HEARTBEAT_SLICES = 60;
    /** The sockets of each heartbeat slice, so that a tick touches only its own. */
    private final List<Set<LiveSocket>> slices = new ArrayList<>();
    private int joined;
    private int nextSlice;

    {
        for (int i = 0; i < HEARTBEAT_SLICES; i++) slices.add(new LinkedHashSet<>());
    }

    void join(String meetingId, LiveSocket socket) {
        socket.heartbeatSlice = joined++ % HEARTBEAT_SLICES;
        slices.get(socket.heartbeatSlice).add(socket);
        rooms.computeIfAbsent(meetingId, Room::new).join(socket);
    }

    /**
     * One tick of the heartbeat (call it {@link #HEARTBEAT_SLICES} times per heartbeat interval):
     * pings the sockets of the next slice, closes those silent for longer than {@code silence}.
     * Returns how many sockets it looked at.
     */
    public int heartbeatTick(java.time.Instant now, java.time.Duration silence) {
        int slice = nextSlice;
        nextSlice = (nextSlice + 1) % HEARTBEAT_SLICES;
        // a copy: closing a silent socket takes it out of its slice
        var due = new ArrayList<>(slices.get(slice));
        due.forEach(s -> s.heartbeat(now, silence));
        return due.size();
    }

    void leave(String meetingId, LiveSocket socket) {
        slices.get(socket.heartbeatSlice).remove(socket);
        Room room = rooms.get(meetingId);
        if (room != null && room.leave(socket)) rooms.remove(meetingId);
    }

    public int sockets() {
        return rooms.values().stream().mapToInt(Room::size).sum();
    }

    public void forEachSocket(java.util.function.Consumer<LiveSocket> action) {
        rooms.values().forEach(r -> r.sockets().forEach(action));
    }

    /**
     * A room's sockets on this loop, in {@link #PACE_LANES} lanes, and the messages some lane has not
     * written yet ({@code log}: each lane writes from its own {@code from} to the end).
     */
    private final class Room {
        final Lane[] lanes = new Lane[PACE_LANES];
        final List<LiveMessage> log = new ArrayList<>();
        final MessageConsumer<LiveBatch> consumer;
        private int joined;
        private boolean left;
        /** The timer for the next lane due, and when it is due ({@link #NONE}: no timer). */
        private long timer;
        private long timerDue = NONE;

        Room(String meetingId) {
            long now = System.nanoTime();
            for (int i = 0; i < lanes.length; i++) lanes[i] = new Lane(i, now - PACE_NANOS);
            consumer = vertx.eventBus().consumer(Addresses.live(meetingId), msg -> received(msg.body().messages()));
        }

        void join(LiveSocket socket) {
            Lane lane = lanes[joined++ % lanes.length];
            socket.paceLane = lane.index;
            // what the lane still holds is older than the snapshot or resume this socket is about to get
            if (lane.sockets.isEmpty()) lane.from = log.size();
            lane.sockets.add(socket);
        }

        int size() {
            int n = 0;
            for (Lane lane : lanes) n += lane.sockets.size();
            return n;
        }

        /** A copy of the room's sockets, lane by lane. */
        List<LiveSocket> sockets() {
            var all = new ArrayList<LiveSocket>(size());
            for (Lane lane : lanes) all.addAll(lane.sockets);
            return all;
        }

        /** Whether the room is left empty. */
        boolean leave(LiveSocket socket) {
            lanes[socket.paceLane].sockets.remove(socket);
            if (size() > 0) return false;
            left = true;
            if (timerDue != NONE) vertx.cancelTimer(timer);
            timerDue = NONE;
            consumer.unregister();
            return true;
        }

        /**
         * A durable batch: anything but votes goes to every lane at once, with the votes each lane
         * held before it; votes go to each lane at its next turn (at once for a lane that has not
         * written for a whole pace).
         */
        private void received(List<LiveMessage> batch) {
            if (batch.isEmpty()) return;
            long now = System.nanoTime();
            log.addAll(batch);
            boolean votesOnly = true;
            for (LiveMessage m : batch) {
                if (m.counted().isEmpty()) {
                    votesOnly = false;
                    break;
                }
            }
            for (Lane lane : lanes) {
                if (lane.sockets.isEmpty()) lane.from = log.size();
                else if (!votesOnly) lane.due = now;
                else if (lane.due == NONE) lane.due = nextTurn(lane.index, lane.lastSent);
            }
            writeDue(now);
        }

        /** Writes every lane due by {@code now}; lanes that stand at the same message share its frames. */
        private void writeDue(long now) {
            while (true) {
                int from = -1;
                for (Lane lane : lanes) {
                    if (lane.due != NONE && lane.due <= now + TIMER_SLACK_NANOS) {
                        from = lane.from;
                        break;
                    }
                }
                if (from < 0) break;
                var batch = log.subList(from, log.size());
                var frames = new java.util.EnumMap<Audience, java.util.Optional<SharedFrame>>(Audience.class);
                try {
                    for (Lane lane : lanes) {
                        if (lane.due == NONE || lane.due > now + TIMER_SLACK_NANOS || lane.from != from) continue;
                        lane.due = NONE;
                        lane.lastSent = now;
                        lane.from = log.size();
                        if (batch.isEmpty()) continue;
                        // a copy: a socket too slow to take its frame leaves the lane
                        for (LiveSocket s : new ArrayList<>(lane.sockets)) {
                            // one frame per audience per batch, encoded once, the same bytes to every socket of that audience
                            s.deliver(batch, a -> frames.computeIfAbsent(a, k -> java.util.Optional.ofNullable(SharedFrame.of(batch, k)))
                                    .orElse(null));
                        }
                    }
                } finally {
                    // each socket holds its own view of a frame's bytes until it has written them
                    frames.values().forEach(f -> f.ifPresent(SharedFrame::release));
                }
                if (metrics != null) {
                    long written = System.nanoTime();
                    for (LiveMessage m : batch) metrics.fanOutLatency.record(written - m.durableNanos());
                }
            }
            forgetWritten();
            schedule(now);
        }

        /** Drops the messages every lane has written. */
        private void forgetWritten() {
            int written = log.size();
            for (Lane lane : lanes) {
                if (!lane.sockets.isEmpty()) written = Math.min(written, lane.from);
            }
            if (written == 0) return;
            log.subList(0, written).clear();
            for (Lane lane : lanes) lane.from = Math.max(0, lane.from - written);
        }

        /** One timer for the lane due first (none once the room is left: a socket too slow to write to may be its last). */
        private void schedule(long now) {
            if (left) return;
            long due = NONE;
            for (Lane lane : lanes) due = Math.min(due, lane.due);
            if (due == timerDue) return;
            if (timerDue != NONE) {
                if (timerDue <= due) return;
                vertx.cancelTimer(timer);
            }
            timerDue = due;
            if (due == NONE) return;
            long ms = Math.max(1, (due - now + 999_999) / 1_000_000);
            timer = vertx.setTimer(ms, id -> {
                timerDue = NONE;
                if (!left) writeDue(System.nanoTime());
            });
        }
    }

    /** No time: a lane with nothing to write, a room with no timer. */
    private static final long NONE = Long.MAX_VALUE;
    /** A timer fires on a whole millisecond: a lane due within this much of it writes then. */
    private static final long TIMER_SLACK_NANOS = 500_000;
    /** One turn of one lane: a pace split in as many turns as there are lanes. */
    private static final long TURN_NANOS = PACE_NANOS / PACE_LANES;

    /**
     * When lane {@code lane} writes votes next, having last written at {@code lastSent}: at the
     * start of its next turn, the turns of the lanes following each other on one clock for every
     * room, so that a lane's votes wait at most one pace, and the lanes of a busy room write one
     * after the other instead of all together. A time already past means at once.
     */
    static long nextTurn(int lane, long lastSent) {
        long turn = Math.floorDiv(lastSent, TURN_NANOS);
        long sinceOwn = Math.floorMod(turn - lane, (long) PACE_LANES);
        return (turn - sinceOwn + PACE_LANES) * TURN_NANOS;
    }

    /** The sockets of a room that write votes together: one lane in {@link #PACE_LANES}. */
    private static final class Lane {
        final int index;
        final Set<LiveSocket> sockets = new LinkedHashSet<>();
        /** The first message of the room's log this lane has not written. */
        int from;
        long lastSent;
        long due = NONE;

        Lane(int index, long lastSent) {
            this.index = index;
            this.lastSent = lastSent;
        }
    }
}
