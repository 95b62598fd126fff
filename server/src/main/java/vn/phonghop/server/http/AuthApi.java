package vn.phonghop.server.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.phonghop.server.Services;
import vn.phonghop.server.accounts.Account;
import vn.phonghop.server.accounts.Principal;

/** Signing in with a password or a one-time pairing code, signing out, and who am I. */
final class AuthApi {
    private final Services services;

    AuthApi(Services services) {
        this.services = services;
    }

    void routes(Router router) {
        router.post("/api/login").handler(this::login);
        router.post("/api/pair").handler(this::pair);
        router.post("/api/logout").handler(ctx -> Caller.authenticate(services, ctx)).handler(this::logout);
        router.get("/api/me").handler(ctx -> Caller.authenticate(services, ctx)).handler(this::me);
    }

    private void login(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        if (body == null || !(body.getValue("username") instanceof String u) || !(body.getValue("password") instanceof String p)) {
            throw ApiError.badRequest("username and password are required");
        }
        char[] password = p.toCharArray();
        ctx.vertx().executeBlocking(() -> services.accounts().authenticate(u, password)
                .map(a -> new Object[] {a, services.sessions().start(new Principal.User(a.id()))}))
                .onSuccess(found -> {
                    if (found.isEmpty()) {
                        ctx.fail(new ApiError(401, "BAD_CREDENTIALS", "wrong username or password"));
                        return;
                    }
                    var account = (Account) found.get()[0];
                    var started = (vn.phonghop.server.accounts.Sessions.StartedSession) found.get()[1];
                    Failures.send(ctx, 200, new JsonObject().put("token", started.token())
                            .put("expiresAt", started.session().expiresAt().toString()).put("account", account(account)));
                }).onFailure(ctx::fail);
    }

    private void pair(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        if (body == null || !(body.getValue("code") instanceof String code)) throw ApiError.badRequest("code is required");
        ctx.vertx().executeBlocking(() -> services.pairing().redeem(code)
                .map(device -> new Object[] {device, services.sessions().start(device)}))
                .onSuccess(found -> {
                    if (found.isEmpty()) {
                        ctx.fail(new ApiError(401, "BAD_PAIRING_CODE", "the code is wrong, used or expired"));
                        return;
                    }
                    var device = (Principal.Device) found.get()[0];
                    var started = (vn.phonghop.server.accounts.Sessions.StartedSession) found.get()[1];
                    Failures.send(ctx, 200, new JsonObject().put("token", started.token())
                            .put("expiresAt", started.session().expiresAt().toString()).put("device", device(device)));
                }).onFailure(ctx::fail);
    }

    private void logout(RoutingContext ctx) {
        var caller = Caller.of(ctx);
        ctx.vertx().executeBlocking(() -> services.sessions().revoke(caller.token()))
                .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    private void me(RoutingContext ctx) {
        var caller = Caller.of(ctx);
        var out = new JsonObject();
        if (caller.principal() instanceof Principal.Device d) out.put("device", device(d));
        caller.account().ifPresent(a -> out.put("account", account(a)));
        Failures.send(ctx, 200, out);
    }

    static JsonObject account(Account a) {
        return new JsonObject().put("id", a.id()).put("username", a.username()).put("displayName", a.displayName())
                .put("roles", new JsonArray(a.roles().stream().map(Enum::name).sorted().toList()))
                .put("memberId", a.memberId().orElse(null));
    }

    static JsonObject device(Principal.Device d) {
        var out = new JsonObject().put("meetingId", d.meetingId());
        if (d instanceof Principal.Seat s) out.put("kind", "SEAT").put("memberId", s.memberId());
        else out.put("kind", "DISPLAY");
        return out;
    }
}
