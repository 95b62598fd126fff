package vn.phonghop.server.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.phonghop.server.json.JsonMappingException;

/**
 * The one failure handler: malformed input → 400, unauthenticated → 401, forbidden → 403, unknown
 * id → 404, conflict → 409, anything else → 500 with a request id in the log and none of the
 * internals in the response. Every error body has a stable code and a Vietnamese and English message.
 */
public final class Failures {
    private static final Logger LOG = Logger.getLogger(Failures.class.getName());

    private Failures() {
    }

    public static void handle(RoutingContext ctx) {
        Throwable t = ctx.failure();
        int status;
        String code;
        String detail;
        if (t instanceof ApiError e) {
            status = e.status();
            code = e.code();
            detail = e.getMessage();
        } else if (t instanceof DecodeException || t instanceof JsonMappingException || t instanceof ClassCastException) {
            status = 400;
            code = t instanceof DecodeException ? "MALFORMED_JSON" : "BAD_REQUEST";
            detail = t instanceof DecodeException ? "the body is not valid JSON" : t.getMessage();
        } else if (t == null) {
            status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            code = status == 404 ? "NOT_FOUND" : status == 413 ? "TOO_LARGE" : status < 500 ? "BAD_REQUEST" : "INTERNAL";
            detail = null;
        } else {
            status = 500;
            code = "INTERNAL";
            String requestId = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "request " + requestId + " " + ctx.request().method() + " " + ctx.request().path(), t);
            detail = "request " + requestId;
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        send(ctx, status, new JsonObject().put("code", code).put("message", Messages.error(code)).put("detail", detail));
    }

    static void send(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body.encode());
    }
}
