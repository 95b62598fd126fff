package vn.phonghop.server.archive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import vn.phonghop.server.live.TestServer;

/** Waiting on the archive without sleeping, and reading it over HTTP. */
final class ArchiveFixture {
    private ArchiveFixture() {
    }

    /** Polls a condition until it holds, failing after 30 s; each poll is a real read, not a fixed sleep. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 30 s: " + what);
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    static JsonArray items(TestServer server, String token, String query) throws Exception {
        var r = server.get("/api/archive" + query, token);
        if (r.status() != 200) throw new AssertionError(r.status() + " " + r.text());
        return r.json().getJsonArray("items");
    }

    static JsonObject only(JsonArray items) {
        if (items.size() != 1) throw new AssertionError("expected one item, got " + items.encodePrettily());
        return items.getJsonObject(0);
    }
}
