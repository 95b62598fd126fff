package vn.phonghop.server.archive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import vn.phonghop.agenda.roster.BodyKind;
import vn.phonghop.agenda.roster.Organisation;
import vn.phonghop.server.Services;
import vn.phonghop.server.accounts.Role;
import vn.phonghop.server.http.ApiError;

/**
 * The administrator's side of the archive: the tree of bodies (a body and its parent) and which
 * bodies an account belongs to, which decides whose minutes it reads. Audited as ORGANISE.
 */
public final class ArchiveAdminApi {
    private final Services services;
    private final Archiver archiver;

    public ArchiveAdminApi(Services services) {
        this.services = services;
        this.archiver = services.archiver();
    }

    /** After {@link ArchiveApi#routes}, whose handler authenticates every /api/archive call. */
    public void routes(Router router) {
        router.put("/api/archive/organisations/:orgId").handler(this::putOrganisation);
        router.put("/api/archive/accounts/:username/organisations").handler(this::linkAccount);
    }

    private void putOrganisation(RoutingContext ctx) {
        ArchiveCaller who = ArchiveCaller.of(ctx);
        JsonObject body = json(ctx);
        String id = ctx.pathParam("orgId");
        ArchiveCaller.blocking(ctx, () -> {
            admin(who, "organisation " + id);
            Organisation org;
            try {
                org = new Organisation(id, text(body, "name", 300), BodyKind.valueOf(text(body, "kind", 32)),
                        body.getString("superiorName", ""), body.getString("symbol", ""));
                if (id.length() > 64 || org.symbol().length() > 32 || org.superiorName().length() > 300) {
                    throw new IllegalArgumentException("id ≤ 64, symbol ≤ 32, superiorName ≤ 300 characters");
                }
            } catch (IllegalArgumentException | ClassCastException e) {
                who.audit(archiver, "ORGANISE", null, "INVALID", "organisation " + id);
                throw ApiError.badRequest("{name, kind: CELL|COMMITTEE|EXECUTIVE_COMMITTEE|CONGRESS, superiorName, symbol,"
                        + " parentId}: " + e.getMessage());
            }
            String parent = body.getString("parentId");
            String problem = archiver.organisations().parentProblem(id, parent);
            if (problem != null) {
                who.audit(archiver, "ORGANISE", null, "INVALID", "organisation " + id);
                throw ApiError.badRequest(problem);
            }
            archiver.organisations().register(org, parent);
            who.audit(archiver, "ORGANISE", null, "ALLOWED", "organisation " + id + " under " + parent);
            var n = archiver.organisations().find(id).orElseThrow();
            return new JsonObject().put("id", n.id()).put("name", n.name()).put("kind", n.kind().name())
                    .put("superiorName", n.superiorName()).put("symbol", n.symbol()).put("parentId", n.parentId());
        });
    }

    private void linkAccount(RoutingContext ctx) {
        ArchiveCaller who = ArchiveCaller.of(ctx);
        JsonObject body = json(ctx);
        String username = ctx.pathParam("username");
        ArchiveCaller.blocking(ctx, () -> {
            admin(who, "account " + username);
            var account = services.accounts().findByUsername(username);
            if (account.isEmpty()) {
                who.audit(archiver, "ORGANISE", null, "NOT_FOUND", "account " + username);
                throw ApiError.notFound("no account " + username);
            }
            var ids = new LinkedHashSet<String>();
            if (!(body.getValue("orgIds") instanceof JsonArray list)) throw ApiError.badRequest("{orgIds: [..]} is required");
            for (Object o : list) {
                if (!(o instanceof String s) || archiver.organisations().find(s).isEmpty()) {
                    who.audit(archiver, "ORGANISE", null, "INVALID", "account " + username);
                    throw ApiError.badRequest("no organisation " + o);
                }
                ids.add(s);
            }
            archiver.organisations().relink(account.get().id(), ids);
            who.audit(archiver, "ORGANISE", null, "ALLOWED", "account " + username + " in " + ids);
            return new JsonObject().put("username", account.get().username()).put("orgIds", new JsonArray(
                    new java.util.ArrayList<>(archiver.organisations().ofAccount(account.get().id()))));
        });
    }

    private void admin(ArchiveCaller who, String what) {
        if (who.account().map(a -> a.has(Role.ADMIN)).orElse(false)) return;
        who.audit(archiver, "ORGANISE", null, "DENIED", what);
        throw ApiError.forbidden("only an administrator arranges the organisation tree");
    }

    private static JsonObject json(RoutingContext ctx) {
        try {
            JsonObject b = ctx.body().asJsonObject();
            return b == null ? new JsonObject() : b;
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }

    private static String text(JsonObject body, String name, int max) {
        Object v = body.getValue(name);
        if (!(v instanceof String s) || s.isBlank() || s.length() > max) {
            throw new IllegalArgumentException(name + " is required, at most " + max + " characters");
        }
        return s.strip();
    }
}
