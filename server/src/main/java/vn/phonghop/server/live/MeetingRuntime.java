package vn.phonghop.server.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.phonghop.agenda.meeting.Decision;
import vn.phonghop.agenda.meeting.Meeting;
import vn.phonghop.agenda.meeting.MeetingCommand;
import vn.phonghop.agenda.meeting.MeetingEvent;
import vn.phonghop.agenda.meeting.MeetingState;
import vn.phonghop.agenda.voting.Choice;
import vn.phonghop.agenda.voting.Poll;
import vn.phonghop.server.json.RecordJson;
import vn.phonghop.server.store.AppendRequest;
import vn.phonghop.server.store.AppendResult;
import vn.phonghop.server.store.EventStore;
import vn.phonghop.server.store.NewEvent;
import vn.phonghop.server.store.SecretBallot;
import vn.phonghop.server.store.StoredEvent;

/**
 * The one writer of one meeting. Every command of the meeting is decided here, on one Vert.x
 * context, in arrival order. Decisions are pipelined: command N+1 is decided against the state
 * that includes N while N is still being committed, and the store's group commit puts both in
 * one transaction. A command is acknowledged, and its events shown to anyone, only once the
 * store says they are durable. If the store disagrees (another writer, a failure), the runtime
 * rebuilds from the store and the commands in flight are answered "retry": none applied twice.
 */
public final class MeetingRuntime {
    private static final Logger LOG = Logger.getLogger(MeetingRuntime.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String meetingId;
    private final Context context;
    private final EventStore store;
    private final Consumer<List<LiveMessage>> publish;
    private final java.util.function.LongConsumer appendTimer;
    private final BiConsumer<String, List<MeetingEvent>> onDurable;
    private final Routing routing;
    /** Whether this node is deciding the meeting now (else its state is a replica of the owner's). */
    private boolean owner;
    private final ViewTracker views = new ViewTracker();
    private final CatchUpWindow recent = new CatchUpWindow();
    private final AnsweredCommands answered = new AnsweredCommands();
    private final Map<String, CompletableFuture<Reply>> inFlight = new HashMap<>();
    private final ArrayDeque<Append> pipeline = new ArrayDeque<>();

    /** When this meeting last decided, followed or loaded anything (System.nanoTime), for {@link #trimIfQuiet}. */
    private long lastActive = System.nanoTime();
    /** {@link #trimIfQuiet} let the views go: they are projected again from the state before the next event. */
    private boolean viewsLetGo;
    private MeetingState decided = MeetingState.NONE;
    private long decidedSeq;
    private MeetingState durable = MeetingState.NONE;
    private long durableSeq;
    private Future<Void> ready;

    MeetingRuntime(String meetingId, Context context, EventStore store, Consumer<List<LiveMessage>> publish,
                   java.util.function.LongConsumer appendTimer, BiConsumer<String, List<MeetingEvent>> onDurable,
                   Routing routing) {
        this.routing = routing;
        this.owner = routing == Routing.SINGLE;
        this.meetingId = meetingId;
        this.context = context;
        this.store = store;
        this.publish = publish;
        this.appendTimer = appendTimer;
        this.onDurable = onDurable;
    }

    public String meetingId() {
        return meetingId;
    }

    /** Loads the meeting from the store; commands wait until it is loaded. */
    Future<Void> load() {
        var p = io.vertx.core.Promise.<Void>promise();
        context.runOnContext(v -> {
            ready = reload();
            ready.onComplete(p);
        });
        return p.future();
    }

    /** Decides a command with its client-chosen id; the answer to a repeated id is the first answer. */
    public CompletableFuture<Reply> command(String commandId, MeetingCommand command) {
        return command(commandId, command, true);
    }

    /**
     * Decides the command here when this node owns the meeting; otherwise forwards it to the owner
     * when {@code mayForward} (a command that was already forwarded once is answered "retry"
     * instead, so that a moving ownership cannot bounce it around).
     */
    public CompletableFuture<Reply> command(String commandId, MeetingCommand command, boolean mayForward) {
        var result = new CompletableFuture<Reply>();
        whenReady(() -> route(commandId, command, mayForward, result),
                e -> result.complete(new Reply.Retry("store unavailable")));
        return result;
    }

    private void route(String commandId, MeetingCommand command, boolean mayForward, CompletableFuture<Reply> result) {
        Reply.NoQuorum cutOff = routing.minority();
        if (cutOff != null) {
            // split brain: the side with fewer members than the quorum decides nothing
            owner = false;
            result.complete(cutOff);
            return;
        }
        if (routing.local(meetingId)) {
            if (owner) {
                decide(commandId, command, result);
                return;
            }
            // ownership came here: rebuild from the store before deciding anything
            LOG.info(() -> "meeting " + meetingId + " is decided on this node from now on");
            owner = true;
            ready = reload();
            ready.onComplete(r -> {
                if (r.succeeded()) decide(commandId, command, result);
                else result.complete(new Reply.Retry("store unavailable"));
            });
            return;
        }
        owner = false;
        if (!mayForward) {
            result.complete(new Reply.Retry("this node no longer decides the meeting"));
            return;
        }
        routing.forward(meetingId, commandId, command).whenComplete((r, e) ->
                result.complete(r != null ? r : new Reply.Retry("the meeting's node did not answer")));
    }

    /**
     * The owner's durable events of one command, on a node that follows the meeting: applied in
     * seq order, projected for this node's sockets; a gap means something was missed, and the
     * missing events are read from the store and delivered first.
     */
    public void replicated(long firstSeqBefore, List<MeetingEvent> events) {
        context.runOnContext(v -> {
            // not loading yet: its load reads the store, these events included
            if (ready == null) return;
            // loading or catching up: look again once that is done
            if (!ready.isComplete()) {
                ready.onComplete(done -> replicated(firstSeqBefore, events));
                return;
            }
            if (ready.failed()) {
                ready = reload();
                return;
            }
            // the owner hears its own events too: they are behind its seq and ignored like any repeat
            if (firstSeqBefore < durableSeq) return;
            // another node decided these: this node does not decide the meeting now (should it again
            // later, it rebuilds from the store first)
            owner = false;
            if (firstSeqBefore > durableSeq) {
                ready = readMissed();
                ready.onComplete(done -> replicated(firstSeqBefore, events));
                return;
            }
            follow(firstSeqBefore, events);
        });
    }

    /**
     * On a node that does not decide the meeting: reads the store for events this replica has not
     * heard (published before the owner knew this node listens, or lost with a connection during a
     * partition or a merge) and delivers them, so a quiet meeting is not left behind until its next
     * event. Called when the replica starts listening, when members change, and every few seconds.
     */
    public void catchUp() {
        context.runOnContext(v -> {
            // deciding here: nothing to catch up (a node that owns the meeting but has not decided
            // anything since it got it reads the store like any replica; it rebuilds before deciding)
            if (ready == null || !ready.isComplete() || (owner && routing.local(meetingId))) return;
            owner = false;
            ready = ready.transform(before -> before.failed() ? reload() : readMissed());
        });
    }

    /** The events after this replica's seq, from the store, applied and delivered (on the meeting's context). */
    private Future<Void> readMissed() {
        long from = durableSeq;
        return context.executeBlocking(() -> store.read(meetingId, from)).map(stored -> {
            // meanwhile this node may have started deciding (it rebuilt from the store) or heard them
            if (owner || durableSeq != from || stored.isEmpty()) return null;
            var events = new ArrayList<MeetingEvent>(stored.size());
            for (var e : stored) events.add(RecordJson.fromJson(new JsonObject(e.payloadJson()), MeetingEvent.class));
            follow(from, events);
            return null;
        });
    }

    /** Applies events another node decided, right after this replica's seq, and delivers them here. */
    private void follow(long firstSeqBefore, List<MeetingEvent> events) {
        // another node decided these: should this node decide again later, it rebuilds from the store first
        owner = false;
        awake();
        var out = new ArrayList<Durable>(events.size());
        long seq = firstSeqBefore;
        for (MeetingEvent e : events) {
            durable = Meeting.evolve(durable, e);
            // another node's text, maybe of another version: encoded here again, not reused
            out.add(new Durable(++seq, e, durable, null));
        }
        durableSeq = seq;
        decided = durable;
        decidedSeq = durableSeq;
        publish.accept(project(out));
    }

    /** The meeting as this viewer may see it, with the seq it stands at. */
    public CompletableFuture<JsonObject> snapshot(Viewer viewer) {
        return whenMeeting(() -> {
            var view = new JsonObject();
            Projection.view(durable, viewer.audience()).forEach(view::put);
            return new JsonObject().put("type", "snapshot").put("seq", durableSeq).put("audience",
                    viewer.audience().name()).put("view", view).put("me", Projection.me(durable, viewer));
        });
    }

    /** {@code then} on the meeting's context once it is loaded; fails when there is no such meeting. */
    private <T> CompletableFuture<T> whenMeeting(java.util.function.Supplier<T> then) {
        var result = new CompletableFuture<T>();
        whenReady(() -> {
            if (durable.header() == null) {
                result.completeExceptionally(new IllegalStateException("no meeting " + meetingId));
                return;
            }
            try {
                result.complete(then.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, result::completeExceptionally);
        return result;
    }

    /**
     * A snapshot message as sent on the live channel, with the seq it stands at: its JSON text, or
     * (when the device asked for it) that text as one raw DEFLATE stream ({@link RawDeflate}).
     */
    public record SnapshotText(long seq, String text, byte[] deflated) { }

    /**
     * The view last serialized for each audience, the meeting state it was serialized from, and the
     * snapshot message up to the view's end ({@code prefix}, which holds the seq: an event may leave
     * the state as it was), compressed when first asked for.
     */
    private static final class EncodedView {
        final MeetingState state;
        final long seq;
        final String prefix;
        byte[] deflatedPrefix;

        EncodedView(MeetingState state, long seq, String prefix) {
            this.state = state;
            this.seq = seq;
            this.prefix = prefix;
        }
    }

    private final java.util.EnumMap<Audience, EncodedView> encodedViews = new java.util.EnumMap<>(Audience.class);

    /**
     * The snapshot message for this viewer. The view is serialized once per audience and state:
     * when a room reconnects at once (a network blip, a node gone) 1,500 tablets get the same
     * view, and at 10,000 members it is a megabyte of JSON; only {@code me} is made per viewer.
     * {@code deflated}: as raw DEFLATE, the view's part compressed once per audience and state too.
     */
    public CompletableFuture<SnapshotText> snapshotText(Viewer viewer, boolean deflated) {
        return whenMeeting(() -> {
            Audience a = viewer.audience();
            EncodedView cached = encodedViews.get(a);
            if (cached == null || cached.state != durable || cached.seq != durableSeq) {
                var view = new JsonObject();
                Projection.view(durable, a).forEach(view::put);
                cached = new EncodedView(durable, durableSeq, "{\"type\":\"snapshot\",\"seq\":" + durableSeq + ",\"audience\":\""
                        + a.name() + "\",\"view\":" + view.encode());
                encodedViews.put(a, cached);
            }
            String tail = ",\"me\":" + Projection.me(durable, viewer).encode() + "}";
            if (!deflated) return new SnapshotText(durableSeq, cached.prefix + tail, null);
            if (cached.deflatedPrefix == null) cached.deflatedPrefix = RawDeflate.flushed(cached.prefix);
            return new SnapshotText(durableSeq, null, RawDeflate.finish(cached.deflatedPrefix, tail));
        });
    }

    /** The messages after {@code seq}, or null when they are no longer kept (the client needs a snapshot). */
    public CompletableFuture<List<LiveMessage>> since(long seq) {
        var result = new CompletableFuture<List<LiveMessage>>();
        whenReady(() -> {
            result.complete(seq > durableSeq ? null : seq == durableSeq ? List.of() : recent.after(seq));
        }, result::completeExceptionally);
        return result;
    }

    /** The durable state, for the server's own reads (minutes, REST). Runs on the runtime's context. */
    public CompletableFuture<MeetingState> state() {
        var result = new CompletableFuture<MeetingState>();
        whenReady(() -> result.complete(durable), result::completeExceptionally);
        return result;
    }

    /** Runs on the runtime's context once the meeting is loaded; a failed load is retried on the next call. */
    private void whenReady(Runnable then, Consumer<Throwable> failed) {
        context.runOnContext(v -> {
            if (ready.failed()) ready = reload();
            ready.onComplete(r -> {
                if (r.succeeded()) then.run(); else failed.accept(r.cause());
            });
        });
    }

    private void decide(String commandId, MeetingCommand asSent, CompletableFuture<Reply> result) {
        awake();
        MeetingCommand command = asSent;
        long prior = answered.seqOf(commandId);
        if (prior >= 0) {
            result.complete(Reply.ack(commandId, prior));
            return;
        }
        var pending = inFlight.get(commandId);
        if (pending != null) {
            pending.whenComplete((r, e) -> context.runOnContext(v -> result.complete(r != null ? r : new Reply.Retry("store"))));
            return;
        }
        if (command instanceof MeetingCommand.CastVote v) {
            // the ballot's id is drawn here, never by the device: a chosen id could be used to find the ballot again
            command = new MeetingCommand.CastVote(v.pollId(), v.voterId(), v.choice(), Long.toHexString(RANDOM.nextLong()),
                    v.by(), v.at());
        }
        Decision d = Meeting.decide(decided, command);
        if (d instanceof Decision.Rejected rej) {
            if (!answered.mayHaveForgotten()) {
                result.complete(new Reply.Refused(rej.rejection()));
                return;
            }
            // sent again after the meeting forgot its id? Then its effect is why the rules refuse it
            // (already checked in, already voted): answer the ack it got, not the refusal
            context.executeBlocking(() -> store.processedResponse(meetingId, commandId)).onComplete(ar -> {
                var stored = ar.succeeded() ? ar.result() : java.util.Optional.<String>empty();
                result.complete(stored.<Reply>map(Reply::storedAck)
                        .orElseGet(() -> new Reply.Refused(rej.rejection())));
            });
            return;
        }
        var accepted = (Decision.Accepted) d;
        var ballots = new ArrayList<SecretBallot>();
        for (var b : accepted.ballots()) {
            ballots.add(new SecretBallot(b.pollId(), Long.parseUnsignedLong(b.ballotId(), 16),
                    RecordJson.toJson(b.choice()).encode()));
        }
        var applied = accepted;
        long expected = decidedSeq;
        long last = expected + accepted.events().size();
        var ack = Reply.ack(commandId, last);
        var events = accepted.events().stream()
                .map(e -> new NewEvent(e.getClass().getSimpleName(), RecordJson.toJson(e).encode(), e.at())).toList();
        var request = new AppendRequest(meetingId, expected, events, java.util.Optional.empty(), ballots)
                .withCommand(commandId, ack.json());
        decided = Meeting.apply(decided, applied);
        decidedSeq = last;
        inFlight.put(commandId, result);
        var append = new Append(commandId, command.at(), ack, applied, events, expected, result, System.nanoTime());
        pipeline.addLast(append);
        // the outcome is handled on this context strictly in submission order (a completion seen
        // early waits for the ones before it)
        // marked done on the store's thread, so that the first drain after a group commit finds
        // every append of that commit done and publishes them as one batch
        store.append(request).whenComplete((r, e) -> {
            append.done(r, e);
            context.runOnContext(v -> drain());
        });
    }

    /** A command whose events were handed to the store, in the order they were handed. */
    private static final class Append {
        final String commandId;
        final java.time.Instant at;
        final Reply.Ack ack;
        final Decision.Accepted applied;
        /** The events as they were given to the store: their texts go into the live messages as they are. */
        final List<NewEvent> stored;
        final long firstSeqBefore;
        final CompletableFuture<Reply> result;
        final long submitted;
        // written by the store's thread before done, read on the runtime's context after it
        volatile boolean done;
        volatile AppendResult outcome;
        volatile Throwable failure;

        Append(String commandId, java.time.Instant at, Reply.Ack ack, Decision.Accepted applied, List<NewEvent> stored,
               long firstSeqBefore, CompletableFuture<Reply> result, long submitted) {
            this.commandId = commandId;
            this.at = at;
            this.ack = ack;
            this.applied = applied;
            this.stored = stored;
            this.firstSeqBefore = firstSeqBefore;
            this.result = result;
            this.submitted = submitted;
        }

        void done(AppendResult r, Throwable e) {
            outcome = r;
            failure = e;
            done = true;
        }
    }

    /**
     * Handles the finished appends at the head of the pipeline, in order, and publishes the events of
     * all those that became durable together as one batch (one group commit, one hop to the sockets).
     * The views are projected once per batch, after its last event: 150 votes committed together
     * make 150 small events and one patch of the polls, not 150 patches.
     */
    private void drain() {
        var acks = new ArrayList<Append>();
        var durableEvents = new ArrayList<Durable>();
        while (!pipeline.isEmpty() && pipeline.peekFirst().done) {
            Append a = pipeline.removeFirst();
            inFlight.remove(a.commandId);
            appendTimer.accept(System.nanoTime() - a.submitted);
            if (a.failure == null && a.outcome instanceof AppendResult.Appended && a.firstSeqBefore == durableSeq) {
                becameDurable(a, durableEvents);
                acks.add(a);
            } else if (a.failure == null && a.outcome instanceof AppendResult.Duplicate dup) {
                a.result.complete(Reply.storedAck(dup.responseJson()));
                catchUp("command " + a.commandId + " was already in the store");
            } else {
                String why = a.failure != null ? a.failure.toString()
                        : a.outcome instanceof AppendResult.Appended ? "an earlier command of this batch was not stored"
                        : String.valueOf(a.outcome);
                a.result.complete(new Reply.Retry(why));
                catchUp(why);
            }
        }
        var messages = project(durableEvents);
        // acknowledgements first: a voter's ack must not wait behind the fan-out of 1,500 sockets
        for (Append a : acks) a.result.complete(a.ack);
        if (!messages.isEmpty()) publish.accept(messages);
        if (!acks.isEmpty()) {
            // the other nodes get the batch as it became durable (its commands are consecutive): one
            // message per group commit, projected there once per batch like here, not once per vote
            var events = new ArrayList<MeetingEvent>();
            for (Append a : acks) events.addAll(a.applied.events());
            routing.replicate(meetingId, acks.get(0).firstSeqBefore, events);
        }
        for (Append a : acks) {
            try {
                onDurable.accept(meetingId, a.applied.events());
            } catch (RuntimeException e) {
                // a listener's failure is its own: the meeting's writer carries on
                LOG.log(Level.WARNING, "durable-events listener failed for meeting " + meetingId, e);
            }
        }
    }

    /**
     * Lets go of what this meeting keeps only to make its next messages, resumes and snapshots
     * cheap, once it has decided nothing for {@code quiet}: each audience's last views, the encoded
     * snapshots, the catch-up window and the ids of the commands it answered. A node runs every
     * meeting in its store, nearly all of them long over, and each kept these for good (~125 KB
     * for a room of 20 set up and started, docs/performance.md); what stays is its state. Afterwards a device
     * that resumes gets a snapshot, a command id sent again is looked up in the store (as after a
     * rebuild), and the next event's patch is made from views projected again from the state: the
     * same patch. Completes with whether it let go of anything (not while a command is under way;
     * nothing the second time, unless a snapshot was asked for meanwhile).
     */
    public CompletableFuture<Boolean> trimIfQuiet(java.time.Duration quiet) {
        var result = new CompletableFuture<Boolean>();
        context.runOnContext(v -> {
            boolean quietNow = ready != null && ready.succeeded() && pipeline.isEmpty() && inFlight.isEmpty()
                    && System.nanoTime() - lastActive >= quiet.toNanos();
            boolean kept = !viewsLetGo || !encodedViews.isEmpty() || recent.size() > 0 || answered.size() > 0;
            if (quietNow && kept) {
                views.clear();
                viewsLetGo = true;
                encodedViews.clear();
                recent.clear();
                answered.clear();
            }
            result.complete(quietNow && kept);
        });
        return result;
    }

    /**
     * A command to decide or events to follow: the meeting is active again, and the views it let go
     * (if {@link #trimIfQuiet} did) are projected again from the state, which is the state before the
     * next event since the trim left nothing in flight.
     */
    private void awake() {
        lastActive = System.nanoTime();
        if (!viewsLetGo) return;
        if (durable.header() != null) views.reset(durable);
        viewsLetGo = false;
    }

    /**
     * An event that became durable, with its seq, the meeting just after it, and its text as this node
     * gave it to the store ({@code RecordJson.toJson(event).encode()}; null for another node's).
     */
    private record Durable(long seq, MeetingEvent event, MeetingState after, String text) { }

    private void becameDurable(Append a, List<Durable> out) {
        answered.put(a.commandId, a.ack.seq(), a.at);
        long seq = a.firstSeqBefore;
        for (int i = 0; i < a.applied.events().size(); i++) {
            MeetingEvent e = a.applied.events().get(i);
            durable = Meeting.evolve(durable, e);
            out.add(new Durable(++seq, e, durable, a.stored.get(i).payloadJson()));
        }
        for (var b : a.applied.ballots()) durable = Meeting.applyBallot(durable, b);
        durableSeq = seq;
    }

    private List<LiveMessage> project(List<Durable> batch) {
        if (batch.isEmpty()) return List.of();
        var touched = ViewTracker.touchedBy(batch.stream().map(Durable::event).toList());
        var messages = new ArrayList<LiveMessage>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Durable d = batch.get(i);
            messages.add(i < batch.size() - 1 ? views.withoutPatch(meetingId, d.seq(), d.event(), d.text(), d.after())
                    : views.next(meetingId, d.seq(), d.event(), d.text(), durable, touched));
        }
        messages.forEach(recent::add);
        return messages;
    }

    /** Something disagreed with the store: stop deciding until rebuilt from it. */
    private void catchUp(String why) {
        if (ready != null && !ready.isComplete()) return;
        LOG.warning(() -> "meeting " + meetingId + " rebuilds from the store: " + why);
        ready = reload();
    }

    private Future<Void> reload() {
        return context.<Rebuilt>executeBlocking(this::readStore).map(r -> {
            decided = durable = r.state();
            decidedSeq = durableSeq = r.seq();
            answered.clear();
            for (Answered x : r.answered()) answered.put(x.commandId(), x.seq(), x.at());
            recent.clear();
            encodedViews.clear();
            if (durable.header() != null) views.reset(durable);
            viewsLetGo = false;
            lastActive = System.nanoTime();
            return null;
        });
    }

    private record Answered(String commandId, long seq, java.time.Instant at) { }

    private record Rebuilt(MeetingState state, long seq, List<Answered> answered) { }

    private Rebuilt readStore() {
        List<StoredEvent> stored = store.read(meetingId, 0);
        var events = new ArrayList<MeetingEvent>(stored.size());
        for (var s : stored) events.add(RecordJson.fromJson(new JsonObject(s.payloadJson()), MeetingEvent.class));
        MeetingState s = Meeting.fold(MeetingState.NONE, events);
        // ballots of polls still open re-enter their tally; a closed poll's tally is in its PollClosed
        for (Poll p : s.polls().values()) {
            if (!(p instanceof Poll.Open)) continue;
            for (var entry : store.ballotTally(meetingId, p.id()).entrySet()) {
                Choice c = RecordJson.fromJson(new JsonObject(entry.getKey()), Choice.class);
                for (long i = 0; i < entry.getValue(); i++) {
                    s = Meeting.applyBallot(s, new vn.phonghop.agenda.voting.SecretBallot(p.id(), "stored", c));
                }
            }
        }
        long seq = stored.isEmpty() ? 0 : stored.get(stored.size() - 1).seq();
        return new Rebuilt(s, seq, recentlyAnswered(stored));
    }

    /**
     * The commands answered in the last {@link AnsweredCommands#KEPT} of the meeting's log, in seq
     * order, each at the time of the last event of its ack.
     */
    private List<Answered> recentlyAnswered(List<StoredEvent> stored) {
        if (stored.isEmpty()) return List.of();
        long first = stored.get(0).seq();
        java.time.Instant last = stored.get(stored.size() - 1).recordedAt();
        java.time.Instant cutoff = last.minus(AnsweredCommands.KEPT);
        var out = new ArrayList<Answered>();
        for (var e : store.processedResponses(meetingId).entrySet()) {
            long seq = Reply.storedAck(e.getValue()).seq();
            long i = seq - first;
            // a seq not found where the log says (never so far) is kept: memory, not correctness, is at stake
            java.time.Instant at = i >= 0 && i < stored.size() && stored.get((int) i).seq() == seq ? stored.get((int) i).recordedAt() : last;
            if (!at.isBefore(cutoff)) out.add(new Answered(e.getKey(), seq, at));
        }
        out.sort(java.util.Comparator.comparingLong(Answered::seq));
        return out;
    }
}
