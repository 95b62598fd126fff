package vn.phonghop.server.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import vn.phonghop.agenda.meeting.MeetingState;
import vn.phonghop.server.Services;
import vn.phonghop.server.accounts.Account;
import vn.phonghop.server.accounts.Principal;
import vn.phonghop.server.accounts.Role;
import vn.phonghop.server.live.Access;
import vn.phonghop.server.live.MeetingRuntime;
import vn.phonghop.server.live.Viewer;

/** Who sent an HTTP request: the session's principal and, for a person, their account. */
public record Caller(String token, Principal principal, Optional<Account> account) {
    static final String KEY = "caller";

    /** Resolves the bearer token; requests without a valid one fail with 401. */
    static void authenticate(Services services, RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            ctx.fail(ApiError.unauthenticated());
            return;
        }
        String token = header.substring("Bearer ".length()).trim();
        ctx.vertx().executeBlocking(() -> services.sessions().lookup(token).map(s -> {
            Principal p = s.principal();
            Optional<Account> a = p instanceof Principal.User u ? services.accounts().find(u.accountId()) : Optional.empty();
            return new Caller(token, p, a);
        })).onSuccess(c -> {
            if (c.isEmpty()) {
                ctx.fail(ApiError.unauthenticated());
            } else {
                ctx.put(KEY, c.get());
                ctx.next();
            }
        }).onFailure(ctx::fail);
    }

    static Caller of(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    boolean has(Role role) {
        return account.map(a -> a.has(role)).orElse(false);
    }

    String accountId() {
        return account.map(Account::id).orElseThrow(() -> ApiError.forbidden("a person's account is needed"));
    }

    /** The meeting's writer and this caller's view of it, or 404 / 403. */
    Future<Seen> see(Services services, String meetingId) {
        var context = io.vertx.core.Vertx.currentContext();
        return services.meetings().find(meetingId).compose(rt -> rt
                .map(runtime -> Future.fromCompletionStage(runtime.state(), context).compose(state -> {
                    var v = Access.viewer(principal, account, state);
                    if (v.isEmpty()) return Future.<Seen>failedFuture(ApiError.forbidden("not a participant of " + meetingId));
                    return Future.succeededFuture(new Seen(runtime, state, v.get()));
                }))
                .orElse(Future.failedFuture(ApiError.notFound("no meeting " + meetingId))));
    }

    /** A meeting as a caller may see it. */
    record Seen(MeetingRuntime runtime, MeetingState state, Viewer viewer) {
    }
}
