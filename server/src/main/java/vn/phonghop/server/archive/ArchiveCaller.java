package vn.phonghop.server.archive;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import vn.phonghop.server.Services;
import vn.phonghop.server.accounts.Account;
import vn.phonghop.server.accounts.Principal;
import vn.phonghop.server.accounts.Session;
import vn.phonghop.server.http.ApiError;

/**
 * Who calls the archive: an account (empty for a paired device) and the bodies whose minutes it
 * reaches; and the audit line every call writes. A call without a valid session is audited as
 * UNAUTHENTICATED and answered 401.
 */
record ArchiveCaller(Optional<Account> account, Reach reach) {
    private static final String KEY = "archive.caller";

    static void authenticate(Services services, RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        var archiver = services.archiver();
        ctx.vertx().executeBlocking(() -> {
            Optional<Session> session = token == null ? Optional.empty() : services.sessions().lookup(token);
            if (session.isEmpty()) {
                new ArchiveCaller(Optional.empty(), new Reach(false, java.util.Set.of()))
                        .audit(archiver, action(ctx), archiveId(ctx), "UNAUTHENTICATED", null);
                throw ApiError.unauthenticated();
            }
            Optional<Account> account = session.get().principal() instanceof Principal.User u
                    ? services.accounts().find(u.accountId()) : Optional.empty();
            return new ArchiveCaller(account, Reach.of(account, archiver.organisations()));
        }, false).onSuccess(caller -> {
            ctx.put(KEY, caller);
            ctx.next();
        }).onFailure(ctx::fail);
    }

    static ArchiveCaller of(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    String accountId() {
        return account.map(Account::id).orElse(null);
    }

    /** One line of the archive's audit for this caller: what, which minutes, and the outcome. */
    void audit(Archiver archiver, String action, String archiveId, String outcome, String detail) {
        archiver.store().audit(archiver.clock().instant(), accountId(), action, archiveId, outcome, detail);
    }

    /** Work for a worker thread that answers JSON. */
    interface Work {
        JsonObject run() throws Exception;
    }

    static void blocking(RoutingContext ctx, Work work) {
        blocking(ctx, work, 200);
    }

    static void blocking(RoutingContext ctx, Work work, int status) {
        ctx.vertx().executeBlocking(work::run, false).onSuccess(json -> ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8").end(json.encode())).onFailure(ctx::fail);
    }

    /** The audit's name for what a path asks (before the route's own handler runs). */
    static String action(RoutingContext ctx) {
        String path = ctx.request().path();
        String method = ctx.request().method().name();
        if (path.startsWith("/api/archive/accounts/") || (path.startsWith("/api/archive/organisations/")
                && method.equals("PUT"))) {
            return "ORGANISE";
        }
        if (method.equals("POST")) return "CORRECT";
        if (path.endsWith("/verify")) return "VERIFY";
        if (path.endsWith("/pdf") || path.endsWith("/record") || path.contains("/results.")) return "DOWNLOAD";
        if (path.equals("/api/archive") || path.equals("/api/archive/")) {
            String q = ctx.request().getParam("q");
            return q == null || q.isBlank() ? "LIST" : "SEARCH";
        }
        if (path.equals("/api/archive/organisations")) return "ORGANISATIONS";
        return "VIEW";
    }

    static String archiveId(RoutingContext ctx) {
        String[] parts = ctx.request().path().split("/");
        return parts.length > 3 && !parts[3].equals("organisations") && !parts[3].equals("accounts") ? parts[3] : null;
    }
}
