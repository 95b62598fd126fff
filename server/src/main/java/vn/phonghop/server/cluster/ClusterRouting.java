package vn.phonghop.server.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import vn.phonghop.agenda.meeting.MeetingCommand;
import vn.phonghop.agenda.meeting.MeetingEvent;
import vn.phonghop.agenda.meeting.Rejection;
import vn.phonghop.server.json.RecordJson;
import vn.phonghop.server.live.MeetingRuntime;
import vn.phonghop.server.live.Meetings;
import vn.phonghop.server.live.Reply;
import vn.phonghop.server.live.Routing;

/**
 * Routing over the clustered event bus. A command for a meeting another node owns is sent to that
 * node's command address and its answer comes back; the owner publishes each command's durable
 * events once, to every node, and each node's replica projects them for its own sockets. The
 * choices of secret ballots never cross the network: only the events (who has voted, and the
 * tallies once a poll is closed).
 */
public final class ClusterRouting implements Routing {
    private static final long FORWARD_TIMEOUT_MS = 10_000;

    private final Vertx vertx;
    private final Ownership ownership;
    private final java.util.function.Supplier<java.util.Set<String>> members;
    private final int quorum;
    /** Commands sent to another node and not answered yet, with the node they went to. */
    private final java.util.Map<CompletableFuture<Reply>, String> inFlight = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param members the node ids of the members this node sees */
    public ClusterRouting(Vertx vertx, Ownership ownership, java.util.function.Supplier<java.util.Set<String>> members, int quorum) {
        this.vertx = vertx;
        this.ownership = ownership;
        this.members = members;
        this.quorum = quorum;
    }

    /**
     * Told when a member joins or leaves: a command sent to a node that is gone will get no answer,
     * so its sender is told "retry" now rather than after the send timeout. The command was either
     * made durable there (the retry, same id, is answered with its first ack by the new owner, which
     * rebuilt from the store) or not (the retry decides it): never both, never twice.
     */
    public void membersChanged() {
        var alive = members.get();
        inFlight.forEach((pending, node) -> {
            if (!alive.contains(node)) pending.complete(new Reply.Retry("the meeting's node left the cluster"));
        });
    }

    @Override
    public Reply.NoQuorum minority() {
        int seen = members.get().size();
        return seen < quorum ? new Reply.NoQuorum(seen, quorum) : null;
    }

    static String commands(String node) {
        return "phonghop.node." + node + ".commands";
    }

    static String events(String meetingId) {
        return "phonghop.meeting." + meetingId + ".events";
    }

    /** Answers the commands other nodes forward to this one. */
    public static void serve(Vertx vertx, Ownership ownership, Meetings meetings) {
        vertx.eventBus().<JsonObject>consumer(commands(ownership.self()), msg -> {
            JsonObject body = msg.body();
            MeetingCommand command;
            try {
                command = RecordJson.fromJson(body.getJsonObject("command"), MeetingCommand.class);
            } catch (RuntimeException e) {
                msg.reply(new JsonObject().put("kind", "retry").put("why", "unreadable command: " + e.getMessage()));
                return;
            }
            meetings.get(body.getString("meetingId"))
                    .compose(rt -> Future.fromCompletionStage(rt.command(body.getString("commandId"), command, false)))
                    .onComplete(ar -> msg.reply(ar.succeeded() ? toJson(ar.result())
                            : new JsonObject().put("kind", "retry").put("why", String.valueOf(ar.cause()))));
        });
    }

    @Override
    public boolean local(String meetingId) {
        return ownership.local(meetingId);
    }

    @Override
    public CompletableFuture<Reply> forward(String meetingId, String commandId, MeetingCommand command) {
        var body = new JsonObject().put("meetingId", meetingId).put("commandId", commandId)
                .put("command", RecordJson.toJson(command));
        String node = ownership.owner(meetingId);
        var answer = new CompletableFuture<Reply>();
        inFlight.put(answer, node);
        answer.whenComplete((r, e) -> inFlight.remove(answer));
        vertx.eventBus().<JsonObject>request(commands(node), body, new DeliveryOptions().setSendTimeout(FORWARD_TIMEOUT_MS))
                .map(msg -> fromJson(msg.body()))
                .otherwise(e -> new Reply.Retry("the meeting's node did not answer: " + e.getMessage()))
                .onComplete(r -> answer.complete(r.result()));
        // it may have left between the owner lookup and now
        if (!members.get().contains(node)) answer.complete(new Reply.Retry("the meeting's node left the cluster"));
        return answer;
    }

    @Override
    public void replicate(String meetingId, long firstSeqBefore, List<MeetingEvent> events) {
        var list = new JsonArray();
        for (MeetingEvent e : events) list.add(RecordJson.toJson(e));
        vertx.eventBus().publish(events(meetingId), new JsonObject().put("firstSeqBefore", firstSeqBefore).put("events", list));
    }

    @Override
    public void attach(MeetingRuntime runtime) {
        vertx.eventBus().<JsonObject>consumer(events(runtime.meetingId()), msg -> {
            var list = new ArrayList<MeetingEvent>();
            for (Object o : msg.body().getJsonArray("events")) list.add(RecordJson.fromJson((JsonObject) o, MeetingEvent.class));
            runtime.replicated(msg.body().getLong("firstSeqBefore"), list);
        }).completion().onSuccess(v -> runtime.catchUp()); // once every node knows this one listens
    }

    static JsonObject toJson(Reply r) {
        if (r instanceof Reply.Ack a) return new JsonObject().put("kind", "ack").put("seq", a.seq()).put("json", a.json());
        if (r instanceof Reply.Refused f) return new JsonObject().put("kind", "refused").put("rejection", RecordJson.toJson(f.rejection()));
        if (r instanceof Reply.NoQuorum q) return new JsonObject().put("kind", "noQuorum").put("members", q.members()).put("quorum", q.quorum());
        return new JsonObject().put("kind", "retry").put("why", ((Reply.Retry) r).why());
    }

    static Reply fromJson(JsonObject o) {
        return switch (o.getString("kind")) {
            case "ack" -> new Reply.Ack(o.getLong("seq"), o.getString("json"));
            case "refused" -> new Reply.Refused(RecordJson.fromJson(o.getJsonObject("rejection"), Rejection.class));
            case "noQuorum" -> new Reply.NoQuorum(o.getInteger("members"), o.getInteger("quorum"));
            default -> new Reply.Retry(o.getString("why"));
        };
    }
}
