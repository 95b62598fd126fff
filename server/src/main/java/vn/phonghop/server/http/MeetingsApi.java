package vn.phonghop.server.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import vn.phonghop.agenda.items.AgendaTemplate;
import vn.phonghop.agenda.meeting.MeetingCommand;
import vn.phonghop.agenda.meeting.MeetingKind;
import vn.phonghop.agenda.roster.Organisation;
import vn.phonghop.server.Services;
import vn.phonghop.server.accounts.Principal;
import vn.phonghop.server.accounts.Role;
import vn.phonghop.server.json.RecordJson;
import vn.phonghop.server.live.Access;
import vn.phonghop.server.live.Audience;
import vn.phonghop.server.live.CommandIntake;
import vn.phonghop.server.live.MeetingRuntime;
import vn.phonghop.server.live.Protocol;
import vn.phonghop.server.live.Reply;

/** Meetings over HTTP: list, schedule, read, send a command, pairing codes, connected devices. */
final class MeetingsApi {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Services services;

    MeetingsApi(Services services) {
        this.services = services;
    }

    void routes(Router router) {
        router.route("/api/meetings*").handler(ctx -> Caller.authenticate(services, ctx));
        router.get("/api/meetings").handler(this::list);
        router.post("/api/meetings").handler(this::schedule);
        router.get("/api/meetings/:id").handler(this::snapshot);
        router.post("/api/meetings/:id/commands").handler(this::command);
        router.post("/api/meetings/:id/pairing-codes").handler(this::pairingCode);
        router.get("/api/meetings/:id/connections").handler(this::connections);
    }

    private void list(RoutingContext ctx) {
        var caller = Caller.of(ctx);
        services.meetings().all().compose(ids -> Future.all(ids.stream().map(id -> caller.see(services, id)
                .map(seen -> summary(seen)).otherwise((JsonObject) null)).toList())).onSuccess(done -> {
            var out = new JsonArray();
            for (int i = 0; i < done.size(); i++) if (done.resultAt(i) != null) out.add(done.resultAt(i));
            ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(out.encode());
        }).onFailure(ctx::fail);
    }

    private static JsonObject summary(Caller.Seen seen) {
        var h = seen.state().header();
        return new JsonObject().put("meetingId", h.meetingId()).put("title", h.title()).put("kind", h.kind().name())
                .put("phase", seen.state().phase().name()).put("plannedStart", h.plannedStart().toString())
                .put("organisation", h.organisation().name()).put("audience", seen.viewer().audience().name());
    }

    private void schedule(RoutingContext ctx) {
        var caller = Caller.of(ctx);
        if (!(caller.principal() instanceof Principal.User) || !(caller.has(Role.ADMIN) || caller.has(Role.SECRETARY))) {
            throw ApiError.forbidden("only an administrator or a meeting secretary schedules meetings");
        }
        JsonObject b = ctx.body().asJsonObject();
        if (b == null) throw ApiError.badRequest("a JSON body is required");
        Instant planned;
        try {
            planned = Instant.parse(b.getString("plannedStart", ""));
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("plannedStart must be an ISO instant");
        }
        var org = RecordJson.fromJson(b.getJsonObject("organisation", new JsonObject()), Organisation.class);
        MeetingKind kind = MeetingKind.valueOf(b.getString("kind", MeetingKind.REGULAR_CELL_MEETING.name()));
        String id = "mt-" + Long.toString(Math.abs(RANDOM.nextLong()), 36);
        String by = Access.personId(caller.account().orElseThrow());
        Instant now = services.clock().instant();
        var schedule = new MeetingCommand.ScheduleMeeting(id, org, kind, b.getString("title"), b.getString("venue"),
                b.getString("place"), b.getString("zone"), planned, b.getString("ruleSetId"), by, now);
        services.meetings().create(id).compose(rt -> send(rt, "schedule", schedule).compose(r -> {
            if (!(r instanceof Reply.Ack)) return Future.succeededFuture(r);
            if (!b.getBoolean("template", false)) return Future.succeededFuture(r);
            return send(rt, "template", new MeetingCommand.ApplyTemplate(AgendaTemplate.REGULAR_CELL_MEETING, "i", by, now));
        })).onSuccess(r -> {
            if (r instanceof Reply.Refused f) {
                ctx.response().setStatusCode(409).putHeader("Content-Type", "application/json; charset=utf-8")
                        .end(Protocol.refused("schedule", f.rejection()));
            } else {
                Failures.send(ctx, 201, new JsonObject().put("meetingId", id));
            }
        }).onFailure(ctx::fail);
    }

    private void snapshot(RoutingContext ctx) {
        var caller = Caller.of(ctx);
        caller.see(services, ctx.pathParam("id"))
                .compose(seen -> Future.fromCompletionStage(seen.runtime().snapshot(seen.viewer()), ctx.vertx().getOrCreateContext()))
                .onSuccess(snap -> Failures.send(ctx, 200, snap)).onFailure(ctx::fail);
    }

    private void command(RoutingContext ctx) {
        var caller = Caller.of(ctx);
        JsonObject body = ctx.body().asJsonObject();
        if (body == null) throw ApiError.badRequest("a JSON body is required");
        caller.see(services, ctx.pathParam("id")).compose(seen -> {
            var parsed = CommandIntake.parse(body, seen.viewer(), services.clock().instant());
            if (!parsed.ok()) {
                int status = "FORBIDDEN".equals(parsed.errorCode()) ? 403 : 400;
                return Future.failedFuture(new ApiError(status, parsed.errorCode(), parsed.detail()));
            }
            return send(seen.runtime(), parsed.id(), parsed.command()).map(r -> respond(ctx, parsed.id(), r));
        }).onFailure(ctx::fail);
    }

    /** Ack → 200, refusal → 409 with the reason, retry → 503. */
    static Void respond(RoutingContext ctx, String id, Reply r) {
        var res = ctx.response().putHeader("Content-Type", "application/json; charset=utf-8");
        if (r instanceof Reply.Ack a) res.setStatusCode(200).end(a.json());
        else if (r instanceof Reply.Refused f) res.setStatusCode(409).end(Protocol.refused(id, f.rejection()));
        else if (r instanceof Reply.NoQuorum q) res.setStatusCode(503).end(Protocol.noQuorum(id, q));
        else res.setStatusCode(503).end(Protocol.retry(id));
        return null;
    }

    private void pairingCode(RoutingContext ctx) {
        var caller = Caller.of(ctx);
        JsonObject body = ctx.body().asJsonObject();
        if (body == null) throw ApiError.badRequest("a JSON body is required");
        String meetingId = ctx.pathParam("id");
        caller.see(services, meetingId).compose(seen -> {
            if (seen.viewer().audience() != Audience.CONSOLE) return Future.failedFuture(ApiError.forbidden("console only"));
            Principal.Device target;
            if (body.getBoolean("display", false)) {
                target = new Principal.RoomDisplay(meetingId);
            } else if (body.getValue("memberId") instanceof String m && seen.state().roster().knows(m)) {
                target = new Principal.Seat(meetingId, m);
            } else {
                return Future.failedFuture(ApiError.badRequest("memberId of someone on the roster, or display: true"));
            }
            String issuer = caller.accountId();
            return ctx.vertx().executeBlocking(() -> services.pairing().issue(target, issuer));
        }).onSuccess(code -> Failures.send(ctx, 201, new JsonObject().put("code", code.display())
                .put("expiresAt", code.expiresAt().toString()).put("device", AuthApi.device(code.target()))))
                .onFailure(ctx::fail);
    }

    private void connections(RoutingContext ctx) {
        var caller = Caller.of(ctx);
        String meetingId = ctx.pathParam("id");
        caller.see(services, meetingId).onSuccess(seen -> {
            if (seen.viewer().audience() != Audience.CONSOLE) {
                ctx.fail(ApiError.forbidden("console only"));
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(services.connections().of(meetingId).encode());
        }).onFailure(ctx::fail);
    }

    private Future<Reply> send(MeetingRuntime rt, String id, MeetingCommand c) {
        long started = System.nanoTime();
        return Future.fromCompletionStage(rt.command(id, c), io.vertx.core.Vertx.currentContext()).onSuccess(r -> {
            services.metrics().commands.incrementAndGet();
            if (r instanceof Reply.Refused) services.metrics().refusals.incrementAndGet();
            services.metrics().commandLatency.record(System.nanoTime() - started);
        });
    }
}
