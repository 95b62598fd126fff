package vn.phonghop.server.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Logger;
import vn.phonghop.agenda.meeting.MeetingEvent;
import vn.phonghop.server.store.EventStore;

/**
 * The meetings this node runs, each with its one writer. Writers are spread over a fixed set of
 * contexts by meeting id, so a meeting's commands are always decided on the same event loop and a
 * busy meeting never makes another meeting's tablets wait behind it.
 */
public final class Meetings {
    private static final Logger LOG = Logger.getLogger(Meetings.class.getName());
    private final EventStore store;
    private final List<Context> contexts;
    private final Consumer<List<LiveMessage>> publish;
    private final java.util.function.LongConsumer appendTimer;
    private final BiConsumer<String, List<MeetingEvent>> onDurable;
    private volatile Routing routing = Routing.SINGLE;
    private final Map<String, MeetingRuntime> running = new ConcurrentHashMap<>();
    /**
     * How long a meeting decides nothing before it lets go of what it keeps for its next messages
     * ({@link MeetingRuntime#trimIfQuiet}): longer than a tablet's reconnect and than the answered
     * commands are remembered ({@link AnsweredCommands#KEPT}), so an ordinary pause loses nothing.
     * {@code phonghop.quietSeconds} overrides it.
     */
    static final java.time.Duration QUIET = java.time.Duration.ofSeconds(Long.getLong("phonghop.quietSeconds", 300));
    private volatile long trimTimer = -1;

    /**
     * @param appendTimer told how long each append took to commit, in nanoseconds (for metrics)
     * @param onDurable   told, on the meeting's context, of each command's events once they are durable
     *                    (the archive files the minutes when it sees {@code MeetingClosed}); it must not block
     */
    public Meetings(EventStore store, List<Context> contexts, Consumer<List<LiveMessage>> publish,
                    java.util.function.LongConsumer appendTimer, BiConsumer<String, List<MeetingEvent>> onDurable) {
        this.store = store;
        this.contexts = List.copyOf(contexts);
        this.publish = publish;
        this.appendTimer = appendTimer;
        this.onDurable = onDurable;
    }

    /** Rebuilds every meeting in the store (on start). */
    public Future<Void> loadAll(Vertx vertx) {
        return vertx.executeBlocking(store::meetingIds).compose(ids -> Future.all(ids.stream()
                .map(id -> runtimeFor(id).load()).toList())).mapEmpty();
    }

    /** From now on, every minute, the meetings quiet for {@link #QUIET} let go of their caches. */
    public void trimQuietMeetings(Vertx vertx) {
        if (trimTimer >= 0) return;
        trimTimer = vertx.setPeriodic(Math.min(60_000, Math.max(1_000, QUIET.toMillis())),
                tick -> {
                    var trims = running.values().stream().map(rt -> rt.trimIfQuiet(QUIET)).toList();
                    CompletableFuture.allOf(trims.toArray(CompletableFuture[]::new)).thenRun(() -> {
                        long n = trims.stream().filter(CompletableFuture::join).count();
                        if (n > 0) LOG.info(() -> n + " quiet meeting(s) let go of their caches");
                    });
                });
    }

    public void stopTrimming(Vertx vertx) {
        if (trimTimer >= 0) vertx.cancelTimer(trimTimer);
        trimTimer = -1;
    }

    /** The writer of a meeting, loading it if this node has not run it yet. */
    public Future<MeetingRuntime> get(String meetingId) {
        var existing = running.get(meetingId);
        if (existing != null) return Future.succeededFuture(existing);
        var r = runtimeFor(meetingId);
        return r.load().map(v -> r);
    }

    /** A writer for a meeting about to be scheduled (its log is empty). */
    public Future<MeetingRuntime> create(String meetingId) {
        return get(meetingId);
    }

    /**
     * A meeting this node runs, or one that is in the store all the same: in a cluster another
     * node may have scheduled it since this one started. Empty when the store does not hold it.
     */
    public Future<Optional<MeetingRuntime>> find(String meetingId) {
        var existing = running.get(meetingId);
        if (existing != null) return Future.succeededFuture(Optional.of(existing));
        return contexts.get(0).owner().executeBlocking(() -> store.lastSeq(meetingId) > 0)
                .compose(held -> held ? get(meetingId).map(Optional::of) : Future.succeededFuture(Optional.empty()));
    }

    /** Every meeting in the store, loading those this node has not run yet (in a cluster: scheduled elsewhere). */
    public Future<List<String>> all() {
        // alone, this node has run every meeting since it started: nothing to read
        if (routing == Routing.SINGLE) return Future.succeededFuture(ids());
        return contexts.get(0).owner().executeBlocking(store::meetingIds)
                .compose(ids -> Future.all(ids.stream().filter(id -> !running.containsKey(id)).map(this::get).toList())
                        .map(done -> ids()));
    }

    public Optional<MeetingRuntime> ifRunning(String meetingId) {
        return Optional.ofNullable(running.get(meetingId));
    }

    public List<String> ids() {
        return running.keySet().stream().sorted().toList();
    }

    /**
     * The replicas on this node look for events they missed (see {@link MeetingRuntime#catchUp()});
     * in a cluster, when members change and every few seconds.
     */
    public void catchUpReplicas() {
        if (routing == Routing.SINGLE) return;
        for (var rt : running.values()) rt.catchUp();
    }

    /** Whether this node decides the meeting now (always, on a single node). */
    public boolean decidesHere(String meetingId) {
        return routing.local(meetingId);
    }

    /** In a cluster: set once, before any meeting is loaded. */
    public void routing(Routing routing) {
        if (!running.isEmpty()) throw new IllegalStateException("the routing is set before meetings are loaded");
        this.routing = routing;
    }

    private MeetingRuntime runtimeFor(String meetingId) {
        return running.computeIfAbsent(meetingId, id -> {
            var made = new MeetingRuntime(id, contexts.get(Math.floorMod(id.hashCode(), contexts.size())), store, publish,
                    appendTimer, onDurable, routing);
            routing.attach(made);
            return made;
        });
    }

}
