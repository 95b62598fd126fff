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
 */
public final class LiveHub {
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
        rooms.computeIfAbsent(meetingId, Room::new).sockets.add(socket);
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
        if (room == null) return;
        room.sockets.remove(socket);
        if (room.sockets.isEmpty()) {
            room.consumer.unregister();
            rooms.remove(meetingId);
        }
    }

    public int sockets() {
        return rooms.values().stream().mapToInt(r -> r.sockets.size()).sum();
    }

    public void forEachSocket(java.util.function.Consumer<LiveSocket> action) {
        rooms.values().forEach(r -> new java.util.ArrayList<>(r.sockets).forEach(action));
    }

    private final class Room {
        final Set<LiveSocket> sockets = new LinkedHashSet<>();
        final MessageConsumer<LiveBatch> consumer;

        Room(String meetingId) {
            consumer = vertx.eventBus().consumer(Addresses.live(meetingId), msg -> {
                var batch = msg.body().messages();
                if (batch.isEmpty()) return;
                // one frame per audience per batch, encoded once, the same bytes to every socket of that audience
                var frames = new java.util.EnumMap<Audience, java.util.Optional<SharedFrame>>(Audience.class);
                try {
                    for (LiveSocket s : new java.util.ArrayList<>(sockets)) {
                        s.deliver(batch, a -> frames.computeIfAbsent(a, k -> java.util.Optional.ofNullable(SharedFrame.of(batch, k)))
                                .orElse(null));
                    }
                } finally {
                    // each socket holds its own view of a frame's bytes until it has written them
                    frames.values().forEach(f -> f.ifPresent(SharedFrame::release));
                }
                long now = System.nanoTime();
                for (LiveMessage m : batch) metrics.fanOutLatency.record(now - m.durableNanos());
            });
        }
    }
}
