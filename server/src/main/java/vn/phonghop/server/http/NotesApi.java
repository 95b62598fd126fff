package vn.phonghop.server.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.phonghop.server.Services;
import vn.phonghop.server.notes.Notes;

/** A participant's own private notes on a meeting's items and documents. */
final class NotesApi {
    private final Services services;

    NotesApi(Services services) {
        this.services = services;
    }

    void routes(Router router) {
        router.get("/api/meetings/:id/notes").handler(this::list);
        router.put("/api/meetings/:id/notes/:target").handler(this::save);
    }

    private void list(RoutingContext ctx) {
        String meetingId = ctx.pathParam("id");
        Caller.of(ctx).see(services, meetingId).compose(seen -> {
            String person = seen.viewer().personId();
            if (person == null) return Future.failedFuture(ApiError.forbidden("the room display keeps no notes"));
            return ctx.vertx().executeBlocking(() -> services.notes().of(meetingId, person));
        }).onSuccess(notes -> {
            var out = new JsonArray();
            notes.forEach(n -> out.add(new JsonObject().put("target", n.target()).put("text", n.text())
                    .put("updatedAt", n.updatedAt().toString())));
            Failures.send(ctx, 200, new JsonObject().put("notes", out));
        }).onFailure(ctx::fail);
    }

    private void save(RoutingContext ctx) {
        String meetingId = ctx.pathParam("id");
        String target = ctx.pathParam("target");
        JsonObject body = ctx.body().asJsonObject();
        if (!Notes.validTarget(target)) throw ApiError.badRequest("target is item:<itemId> or doc:<documentId>");
        if (body == null || !(body.getValue("text") instanceof String text)) throw ApiError.badRequest("text is required");
        if (text.length() > Notes.MAX_CHARS) throw new ApiError(413, "NOTE_TOO_LONG", "at most " + Notes.MAX_CHARS);
        Caller.of(ctx).see(services, meetingId).compose(seen -> {
            String person = seen.viewer().personId();
            if (person == null) return Future.failedFuture(ApiError.forbidden("the room display keeps no notes"));
            return ctx.vertx().executeBlocking(() -> services.notes().save(meetingId, person, target,
                    java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC)));
        }).onSuccess(at -> Failures.send(ctx, 200, new JsonObject().put("target", target).put("updatedAt", at.toString())))
                .onFailure(ctx::fail);
    }
}
