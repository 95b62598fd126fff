package vn.phonghop.server.archive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.phonghop.server.live.TestServer;

/** Reading the archive over HTTP. */
final class ArchiveFixture {
    private ArchiveFixture() {
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
