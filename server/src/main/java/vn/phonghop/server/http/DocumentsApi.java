package vn.phonghop.server.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.phonghop.agenda.items.Classification;
import vn.phonghop.agenda.items.DocumentRef;
import vn.phonghop.agenda.meeting.MeetingCommand;
import vn.phonghop.agenda.meeting.MeetingState;
import vn.phonghop.agenda.meeting.Phase;
import vn.phonghop.server.Services;
import vn.phonghop.server.documents.DocumentRejected;
import vn.phonghop.server.documents.Watermarker;
import vn.phonghop.server.json.RecordJson;
import vn.phonghop.server.live.Audience;

/**
 * Meeting documents: upload (checked, content-addressed, attached to an item) and reading.
 * Unclassified documents are served with byte ranges so PDF.js streams pages. Classified ones
 * (Mật and above) are served only while the meeting is in progress, only to attendees checked in
 * (and the room's screen), stamped on every page with the viewer's name and the time, inline,
 * never cached, and refused once the meeting has closed.
 */
final class DocumentsApi {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final int MAX_RANGE = 4 * 1024 * 1024;
    private final Services services;

    DocumentsApi(Services services) {
        this.services = services;
    }

    void routes(Router router) {
        router.post("/api/meetings/:id/documents").handler(this::upload);
        router.get("/api/meetings/:id/documents/:doc").handler(this::read);
    }

    private void upload(RoutingContext ctx) {
        var caller = Caller.of(ctx);
        String itemId = ctx.queryParams().get("itemId");
        String title = ctx.queryParams().get("title");
        Classification level = classification(ctx.queryParams().get("classification"));
        if (itemId == null || title == null || title.isBlank()) throw ApiError.badRequest("itemId and title are required");
        byte[] pdf = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        caller.see(services, ctx.pathParam("id")).compose(seen -> {
            if (seen.viewer().audience() != Audience.CONSOLE) return Future.failedFuture(ApiError.forbidden("console only"));
            return ctx.vertx().executeBlocking(() -> {
                try {
                    return services.documents().store(title, level, pdf);
                } catch (DocumentRejected e) {
                    throw new ApiError(e.reason().name().equals("TOO_LARGE") ? 413 : 400, e.reason().name(), e.getMessage());
                }
            }).compose(info -> {
                var ref = new DocumentRef(info.id(), info.title(), info.sha256(), info.pageCount(), info.classification());
                var cmd = new MeetingCommand.AttachDocument(itemId, ref, seen.viewer().personId(), services.clock().instant());
                return Future.fromCompletionStage(seen.runtime().command("attach-" + info.id() + "-" + itemId, cmd),
                        ctx.vertx().getOrCreateContext()).map(reply -> {
                    if (reply instanceof vn.phonghop.server.live.Reply.Ack) {
                        Failures.send(ctx, 201, new JsonObject().put("document", RecordJson.toJson(ref)));
                    } else {
                        MeetingsApi.respond(ctx, "attach", reply);
                    }
                    return null;
                });
            });
        }).onFailure(ctx::fail);
    }

    private void read(RoutingContext ctx) {
        var caller = Caller.of(ctx);
        String docId = ctx.pathParam("doc");
        caller.see(services, ctx.pathParam("id")).onSuccess(seen -> {
            MeetingState s = seen.state();
            Optional<DocumentRef> ref = s.agenda().items().stream().flatMap(i -> i.documents().stream())
                    .filter(d -> d.id().equals(docId)).findFirst();
            if (ref.isEmpty()) {
                ctx.fail(ApiError.notFound("no document " + docId + " in this meeting"));
                return;
            }
            boolean console = seen.viewer().audience() == Audience.CONSOLE;
            if (s.phase() == Phase.DRAFT && !console) {
                ctx.fail(ApiError.forbidden("documents are shown to members once the meeting is published"));
                return;
            }
            if (ref.get().classification().classified()) {
                classified(ctx, seen, ref.get());
            } else {
                plain(ctx, ref.get());
            }
        }).onFailure(ctx::fail);
    }

    private void classified(RoutingContext ctx, Caller.Seen seen, DocumentRef ref) {
        MeetingState s = seen.state();
        String person = seen.viewer().personId();
        boolean inRoom = seen.viewer().audience() == Audience.DISPLAY || (person != null && s.attendance().present(person));
        if (s.phase() != Phase.IN_PROGRESS || !inRoom) {
            ctx.fail(new ApiError(403, "CLASSIFIED_OUTSIDE_MEETING", "classified documents are shown only in the meeting"));
            return;
        }
        String viewer = person == null ? "Màn hình phòng họp" : s.roster().nameOf(person);
        var now = services.clock().instant().atZone(ZoneId.of(s.header().zoneId()));
        ctx.vertx().executeBlocking(() -> {
            byte[] pdf = services.documents().read(ref.id()).orElseThrow(() -> ApiError.notFound(ref.id()));
            return services.watermarker().stamp(pdf, Watermarker.text(viewer, now, ref.classification()));
        }).onSuccess(stamped -> ctx.response().putHeader("Content-Type", "application/pdf")
                .putHeader("Content-Disposition", "inline")
                .putHeader("Cache-Control", "no-store, private")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Classification", ref.classification().name())
                .end(Buffer.buffer(stamped))).onFailure(ctx::fail);
    }

    private void plain(RoutingContext ctx, DocumentRef ref) {
        String range = ctx.request().getHeader("Range");
        ctx.vertx().executeBlocking(() -> services.documents().find(ref.id()).orElseThrow(() -> ApiError.notFound(ref.id())))
                .compose(info -> {
                    long size = info.sizeBytes();
                    Matcher m = range == null ? null : RANGE.matcher(range);
                    var res = ctx.response().putHeader("Content-Type", "application/pdf").putHeader("Accept-Ranges", "bytes")
                            .putHeader("Content-Disposition", "inline").putHeader("Cache-Control", "private, max-age=300")
                            .putHeader("ETag", "\"" + ref.sha256() + "\"");
                    if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                        return ctx.vertx().executeBlocking(() -> services.documents().read(ref.id()).orElseThrow())
                                .map(bytes -> {
                                    res.end(Buffer.buffer(bytes));
                                    return null;
                                });
                    }
                    long start;
                    long end;
                    if (m.group(1).isEmpty()) {
                        start = Math.max(0, size - Long.parseLong(m.group(2)));
                        end = size - 1;
                    } else {
                        start = Long.parseLong(m.group(1));
                        end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
                    }
                    if (start >= size || end < start) {
                        res.setStatusCode(416).putHeader("Content-Range", "bytes */" + size).end();
                        return Future.succeededFuture();
                    }
                    long last = Math.min(end, start + MAX_RANGE - 1);
                    return ctx.vertx().executeBlocking(() -> services.documents()
                            .readRange(ref.id(), start, (int) (last - start + 1)).orElseThrow()).map(bytes -> {
                                res.setStatusCode(206).putHeader("Content-Range", "bytes " + start + "-" + last + "/" + size)
                                        .end(Buffer.buffer(bytes));
                                return null;
                            });
                }).onFailure(ctx::fail);
    }

    private static Classification classification(String name) {
        if (name == null) return Classification.UNCLASSIFIED;
        for (var c : Classification.values()) if (c.name().equals(name)) return c;
        throw ApiError.badRequest("classification must be one of UNCLASSIFIED, MAT, TOI_MAT, TUYET_MAT");
    }
}
