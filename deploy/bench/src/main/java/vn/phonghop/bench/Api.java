package vn.phonghop.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The HTTP side of setting a meeting up, as the console does it: sign in, schedule, import the
 * roster, assign roles, publish, start, check people in, issue pairing codes and pair tablets.
 */
final class Api {
    private static final long TIMEOUT_SECONDS = 60;
    private static final long ROSTER_TIMEOUT_SECONDS = 900;
    private final HttpClient http;
    private final int port;

    Api(Vertx vertx, int port) {
        this.port = port;
        this.http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                .setKeepAlive(true), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(16));
    }

    record Response(int status, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }

    Future<Response> call(HttpMethod method, String path, String token, String contentType, String body) {
        return call(method, path, token, contentType, body, TIMEOUT_SECONDS);
    }

    Future<Response> call(HttpMethod method, String path, String token, String contentType, String body, long timeoutSeconds) {
        var opts = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(path)
                .setTimeout(TimeUnit.SECONDS.toMillis(timeoutSeconds));
        if (token != null) opts.putHeader("Authorization", "Bearer " + token);
        if (contentType != null) opts.putHeader("Content-Type", contentType);
        return http.request(opts).compose(req -> (body == null ? req.send() : req.send(Buffer.buffer(body))))
                .compose(res -> res.body().map(b -> new Response(res.statusCode(), b.toString())));
    }

    Future<JsonObject> postJson(String path, String token, JsonObject body, int expected) {
        return call(HttpMethod.POST, path, token, "application/json", body.encode()).compose(r -> r.status() == expected
                ? Future.succeededFuture(r.body().isEmpty() ? new JsonObject() : r.json())
                : Future.failedFuture(new IllegalStateException("POST " + path + " → " + r.status() + " " + r.body())));
    }

    String login(String user, String password) {
        return await(postJson("/api/login", null, new JsonObject().put("username", user).put("password", password), 200))
                .getString("token");
    }

    String scheduleMeeting(String token, String title) {
        var org = new JsonObject().put("id", "bench-org").put("name", "Đảng bộ thử tải").put("kind", "COMMITTEE")
                .put("superiorName", "Đảng bộ cấp trên").put("symbol", "ĐB");
        var body = new JsonObject().put("title", title).put("kind", "REGULAR_CELL_MEETING").put("organisation", org)
                .put("venue", "Hội trường").put("place", "Hà Nội")
                .put("plannedStart", java.time.Instant.now().plus(java.time.Duration.ofDays(2)).toString()).put("template", true);
        return await(postJson("/api/meetings", token, body, 201)).getString("meetingId");
    }

    void importRoster(String token, String meetingId, List<String> memberIds) {
        var csv = new StringBuilder("id,name,membership,standing\r\n");
        for (String id : memberIds) csv.append(id).append(",Đại biểu ").append(id).append(",OFFICIAL,ACTIVE\r\n");
        // one command, but one MemberRegistered event per member: large rosters take long (docs/performance.md)
        var r = await(call(HttpMethod.POST, "/api/meetings/" + meetingId + "/roster.csv", token, "text/csv", csv.toString(),
                ROSTER_TIMEOUT_SECONDS), ROSTER_TIMEOUT_SECONDS);
        if (r.status() != 200) throw new IllegalStateException("roster import → " + r.status() + " " + r.body());
    }

    Future<JsonObject> command(String token, String meetingId, JsonObject command) {
        var body = new JsonObject().put("id", "setup-" + UUID.randomUUID()).put("command", command);
        return postJson("/api/meetings/" + meetingId + "/commands", token, body, 200);
    }

    /** A pairing code for a member's seat, redeemed at once: the tablet's session token. */
    Future<String> pairSeat(String consoleToken, String meetingId, String memberId) {
        return postJson("/api/meetings/" + meetingId + "/pairing-codes", consoleToken, new JsonObject().put("memberId", memberId), 201)
                .compose(code -> postJson("/api/pair", null, new JsonObject().put("code", code.getString("code")), 200))
                .map(paired -> paired.getString("token"));
    }

    /** Runs {@code count} calls with at most {@code parallel} in flight; the results in order. */
    static <T> List<T> all(int count, int parallel, IntFunction<Future<T>> call) {
        var results = new ArrayList<T>(java.util.Collections.nCopies(count, null));
        var next = new AtomicInteger();
        var lanes = new ArrayList<Future<Void>>();
        for (int lane = 0; lane < Math.min(parallel, count); lane++) lanes.add(lane(next, count, call, results));
        await(Future.all(lanes), TIMEOUT_SECONDS * Math.max(1, count / 100));
        return results;
    }

    private static <T> Future<Void> lane(AtomicInteger next, int count, IntFunction<Future<T>> call, List<T> results) {
        int i = next.getAndIncrement();
        if (i >= count) return Future.succeededFuture();
        return call.apply(i).compose(r -> {
            synchronized (results) {
                results.set(i, r);
            }
            return lane(next, count, call, results);
        });
    }

    static <T> T await(Future<T> f) {
        return await(f, TIMEOUT_SECONDS);
    }

    static <T> T await(Future<T> f, long seconds) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
