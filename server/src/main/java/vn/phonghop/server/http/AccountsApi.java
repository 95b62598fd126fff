package vn.phonghop.server.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Optional;
import vn.phonghop.server.Services;
import vn.phonghop.server.accounts.Role;

/** Accounts, for the administrator: who may sign in, with which roles, as which member. */
final class AccountsApi {
    private final Services services;

    AccountsApi(Services services) {
        this.services = services;
    }

    void routes(Router router) {
        router.route("/api/accounts*").handler(ctx -> Caller.authenticate(services, ctx)).handler(this::adminOnly);
        router.get("/api/accounts").handler(this::list);
        router.post("/api/accounts").handler(this::create);
    }

    private void adminOnly(RoutingContext ctx) {
        if (!Caller.of(ctx).has(Role.ADMIN)) throw ApiError.forbidden("administrators only");
        ctx.next();
    }

    private void list(RoutingContext ctx) {
        ctx.vertx().executeBlocking(() -> services.accounts().list()).onSuccess(all -> {
            var out = new JsonArray();
            all.forEach(a -> out.add(AuthApi.account(a)));
            ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(out.encode());
        }).onFailure(ctx::fail);
    }

    private void create(RoutingContext ctx) {
        JsonObject b = ctx.body().asJsonObject();
        if (b == null || !(b.getValue("username") instanceof String user) || !(b.getValue("password") instanceof String pw)
                || !(b.getValue("displayName") instanceof String name)) {
            throw ApiError.badRequest("username, displayName and password are required");
        }
        var roles = EnumSet.noneOf(Role.class);
        for (Object r : b.getJsonArray("roles", new JsonArray())) {
            try {
                roles.add(Role.valueOf(String.valueOf(r)));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("unknown role " + r);
            }
        }
        if (pw.length() < 8) throw ApiError.badRequest("a password has at least 8 characters");
        Optional<String> member = Optional.ofNullable(b.getString("memberId"));
        char[] password = pw.toCharArray();
        ctx.vertx().executeBlocking(() -> services.accounts().create(user, name, password, roles, member)).onSuccess(made -> {
            if (made.isEmpty()) ctx.fail(new ApiError(409, "CONFLICT", "the username is taken"));
            else Failures.send(ctx, 201, AuthApi.account(made.get()));
        }).onFailure(ctx::fail);
    }
}
