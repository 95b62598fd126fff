package vn.phonghop.server.archive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import vn.phonghop.server.Services;
import vn.phonghop.server.accounts.Account;
import vn.phonghop.server.accounts.Role;
import vn.phonghop.server.http.ApiError;
import vn.phonghop.server.live.Access;
import vn.phonghop.server.minutes.MinutesVerifier;

/**
 * The archive of minutes over HTTP, for committees above the cells: list and search, metadata and
 * versions, the signed PDF exactly as filed, its record, the vote results, verification, and
 * corrections. Access follows {@link Reach}, checked here on the server for every call, and every
 * call (allowed or not) is written to the archive's audit.
 */
public final class ArchiveApi {

    private final Services services;
    private final Archiver archiver;

    public ArchiveApi(Services services) {
        this.services = services;
        this.archiver = services.archiver();
    }

    public void routes(Router router) {
        router.route("/api/archive*").handler(ctx -> ArchiveCaller.authenticate(services, ctx));
        router.get("/api/archive").handler(this::list);
        router.get("/api/archive/organisations").handler(this::organisations);
        router.get("/api/archive/:id").handler(this::metadata);
        router.get("/api/archive/:id/pdf").handler(this::pdf);
        router.get("/api/archive/:id/record").handler(this::record);
        router.get("/api/archive/:id/results.json").handler(this::resultsJson);
        router.get("/api/archive/:id/results.csv").handler(this::resultsCsv);
        router.get("/api/archive/:id/verify").handler(this::verify);
        router.post("/api/archive/:id/corrections").handler(this::correct);
        new ArchiveAdminApi(services).routes(router);
    }

    // ---- list and search --------------------------------------------------------------------------

    private void list(RoutingContext ctx) {
        ArchiveCaller who = ArchiveCaller.of(ctx);
        String q = ctx.request().getParam("q");
        String action = q == null || q.isBlank() ? "LIST" : "SEARCH";
        String detail = ctx.request().query();
        ArchiveCaller.blocking(ctx, () -> {
            ArchiveStore.Filter filter;
            try {
                filter = ListQuery.filter(ctx.request().params(), who.reach(), archiver.organisations());
            } catch (ApiError e) {
                who.audit(archiver, action, null, e.status() == 403 ? "DENIED" : "INVALID", detail);
                throw e;
            }
            if (!who.reach().any()) {
                who.audit(archiver, action, null, "DENIED", detail);
                throw ApiError.forbidden("this account reads no body's minutes");
            }
            var page = archiver.store().list(filter);
            who.audit(archiver, action, null, "ALLOWED", detail);
            var items = new JsonArray();
            for (var m : page.items()) items.add(m.summary());
            return new JsonObject().put("items", items).put("total", page.total()).put("limit", filter.limit())
                    .put("offset", filter.offset());
        });
    }

    private void organisations(RoutingContext ctx) {
        ArchiveCaller who = ArchiveCaller.of(ctx);
        ArchiveCaller.blocking(ctx, () -> {
            if (!who.reach().any()) {
                who.audit(archiver, "ORGANISATIONS", null, "DENIED", null);
                throw ApiError.forbidden("this account reads no body's minutes");
            }
            var out = new JsonArray();
            for (var n : archiver.organisations().all()) {
                if (!who.reach().covers(n.id())) continue;
                out.add(new JsonObject().put("id", n.id()).put("name", n.name()).put("kind", n.kind().name())
                        .put("superiorName", n.superiorName()).put("symbol", n.symbol())
                        .put("parentId", n.parentId() != null && who.reach().covers(n.parentId()) ? n.parentId() : null));
            }
            who.audit(archiver, "ORGANISATIONS", null, "ALLOWED", null);
            return new JsonObject().put("organisations", out);
        });
    }

    // ---- one archived minutes ---------------------------------------------------------------------

    /** The minutes when the caller may read them; audited either way. */
    private FiledMinutes readable(RoutingContext ctx, ArchiveCaller who, String action, String detail) {
        String id = ctx.pathParam("id");
        var found = archiver.store().find(id);
        if (found.isEmpty()) {
            who.audit(archiver, action, id, "NOT_FOUND", detail);
            throw ApiError.notFound("no archived minutes " + id);
        }
        if (!who.reach().covers(found.get().orgId())) {
            who.audit(archiver, action, id, "DENIED", detail);
            throw ApiError.forbidden("the minutes of " + found.get().orgName() + " are not within reach");
        }
        who.audit(archiver, action, id, "ALLOWED", detail);
        return found.get();
    }

    private void metadata(RoutingContext ctx) {
        ArchiveCaller who = ArchiveCaller.of(ctx);
        ArchiveCaller.blocking(ctx, () -> {
            var m = readable(ctx, who, "VIEW", null);
            var versions = new JsonArray();
            var all = archiver.store().versions(m.meetingId());
            for (var v : all) {
                versions.add(new JsonObject().put("id", v.id()).put("version", v.version()).put("correctsId", v.correctsId())
                        .put("createdAt", v.createdAt().toString()).put("filedBy", v.filedBy())
                        .put("reason", v.correctionJson() == null ? null
                                : new JsonObject(v.correctionJson()).getString("reason"))
                        .put("latest", v.version() == all.get(all.size() - 1).version()));
            }
            String base = "/api/archive/" + m.id();
            return m.summary().put("pdfSha256", m.pdfSha256()).put("pdfBytes", m.pdfBytes()).put("filedBy", m.filedBy())
                    .put("correction", m.correctionJson() == null ? null : new JsonObject(m.correctionJson()))
                    .put("latest", m.version() == all.get(all.size() - 1).version())
                    .put("versions", versions)
                    .put("links", new JsonObject().put("pdf", base + "/pdf").put("record", base + "/record")
                            .put("resultsCsv", base + "/results.csv").put("resultsJson", base + "/results.json")
                            .put("verify", base + "/verify").put("corrections", base + "/corrections"));
        });
    }

    private void pdf(RoutingContext ctx) {
        ArchiveCaller who = ArchiveCaller.of(ctx);
        ctx.vertx().executeBlocking(() -> {
            var m = readable(ctx, who, "DOWNLOAD", "pdf");
            return new Download(m, archiver.store().pdf(m.id()));
        }, false).onSuccess(r -> {
            var m = r.meta();
            byte[] pdf = r.pdf();
            String name = "bien-ban-" + m.numberText().replace('/', '-') + "-v" + m.version() + ".pdf";
            ctx.response().putHeader("Content-Type", "application/pdf")
                    .putHeader("Content-Disposition", "inline; filename=\"" + ascii(name) + "\"; filename*=UTF-8''"
                            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                    .putHeader("ETag", "\"" + m.pdfSha256() + "\"").putHeader("Cache-Control", "private, no-store")
                    .end(io.vertx.core.buffer.Buffer.buffer(pdf));
        }).onFailure(ctx::fail);
    }

    private record Download(FiledMinutes meta, byte[] pdf) {
    }

    private void record(RoutingContext ctx) {
        ArchiveCaller who = ArchiveCaller.of(ctx);
        ctx.vertx().executeBlocking(() -> archiver.store().record(readable(ctx, who, "DOWNLOAD", "record").id()), false)
                .onSuccess(json -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                        .putHeader("Cache-Control", "private, no-store").end(json))
                .onFailure(ctx::fail);
    }

    private JsonObject results(RoutingContext ctx, ArchiveCaller who, String detail) {
        var m = readable(ctx, who, "DOWNLOAD", detail);
        return VoteResults.json(m, new JsonObject(archiver.store().record(m.id())));
    }

    private void resultsJson(RoutingContext ctx) {
        ArchiveCaller who = ArchiveCaller.of(ctx);
        ArchiveCaller.blocking(ctx, () -> results(ctx, who, "results.json"));
    }

    private void resultsCsv(RoutingContext ctx) {
        ArchiveCaller who = ArchiveCaller.of(ctx);
        ctx.vertx().executeBlocking(() -> results(ctx, who, "results.csv"), false).onSuccess(r -> ctx.response()
                .putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"ket-qua-bieu-quyet-" + ascii(r.getString("archiveId"))
                        + ".csv\"")
                .end(VoteResults.csv(r))).onFailure(ctx::fail);
    }

    private void verify(RoutingContext ctx) {
        ArchiveCaller who = ArchiveCaller.of(ctx);
        ArchiveCaller.blocking(ctx, () -> {
            var m = readable(ctx, who, "VERIFY", null);
            byte[] pdf = archiver.store().pdf(m.id());
            var v = MinutesVerifier.verify(pdf);
            String sha = Archiver.sha256(pdf);
            boolean matches = sha.equals(m.pdfSha256());
            // a validly signed file that is not the one filed is still not the archive's document
            var status = matches || v.status() != MinutesVerifier.Status.VALID ? v.status() : MinutesVerifier.Status.TAMPERED;
            return new JsonObject().put("id", m.id()).put("status", status.name()).put("signatureStatus", v.status().name())
                    .put("signer", v.signer()).put("sha256Matches", matches).put("sha256", sha)
                    .put("filedSha256", m.pdfSha256()).put("developmentKey", m.developmentKey()).put("detail", v.detail());
        });
    }

    // ---- corrections --------------------------------------------------------------------------------

    private void correct(RoutingContext ctx) {
        ArchiveCaller who = ArchiveCaller.of(ctx);
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        JsonObject request = body;
        ArchiveCaller.blocking(ctx, () -> {
            String id = ctx.pathParam("id");
            var found = archiver.store().find(id);
            if (found.isEmpty()) {
                who.audit(archiver, "CORRECT", id, "NOT_FOUND", null);
                throw ApiError.notFound("no archived minutes " + id);
            }
            if (!mayCorrect(who, found.get())) {
                who.audit(archiver, "CORRECT", id, "DENIED", null);
                throw ApiError.forbidden("only an administrator, or the chair or minute-taker of the meeting, corrects minutes");
            }
            FiledMinutes filed;
            try {
                filed = archiver.correct(id, Correction.fromJson(request), who.accountId());
            } catch (IllegalArgumentException e) {
                who.audit(archiver, "CORRECT", id, "INVALID", e.getMessage());
                throw ApiError.badRequest(e.getMessage());
            } catch (Archiver.NotLatest e) {
                who.audit(archiver, "CORRECT", id, "CONFLICT", e.getMessage());
                throw new ApiError(409, "NOT_LATEST_VERSION", e.getMessage());
            }
            who.audit(archiver, "CORRECT", filed.id(), "ALLOWED", "corrects " + id);
            return filed.summary();
        }, 201);
    }

    /** An administrator; or the chair or minute-taker of the meeting, within reach of its body. */
    private boolean mayCorrect(ArchiveCaller who, FiledMinutes m) throws Exception {
        if (who.account().isEmpty()) return false;
        if (who.account().get().has(Role.ADMIN)) return true;
        if (!who.reach().covers(m.orgId())) return false;
        var rt = services.meetings().find(m.meetingId()).toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        if (rt.isEmpty()) return false;
        var roster = rt.get().state().get(30, TimeUnit.SECONDS).roster();
        String person = Access.personId(who.account().get());
        return person.equals(roster.chairId()) || person.equals(roster.minuteTakerId());
    }

    private static String ascii(String s) {
        var folded = SearchText.fold(s);
        return folded.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
