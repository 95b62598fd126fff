package vn.phonghop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The load generator itself: where its tablets live, and what it reads from the server's /metrics. */
class FleetTest {

    @Test
    @Timeout(60)
    @DisplayName("The tablets spread over every event loop of the load generator (they all sat on one before)")
    void tablets_on_every_loop() {
        Vertx vertx = Vertx.vertx(Bench.loadGeneratorOptions(3, false));
        try {
            // a server that answers every hello with an empty snapshot, as the real one does with its view
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                    .webSocketHandler(ws -> ws.textMessageHandler(t -> ws.writeTextMessage("{\"type\":\"snapshot\",\"seq\":0}")));
            int port = Api.await(server.listen(0), 10).actualPort();
            try (var fleet = new Fleet(vertx, 3, 100, 1)) {
                int n = 30;
                var ids = new ArrayList<String>();
                for (int i = 0; i < n; i++) ids.add("m" + i);
                List<Tablet> tablets = fleet.connect(port, "mt-1", ids, ids, 30);

                Set<Thread> threads = ConcurrentHashMap.newKeySet();
                var seen = new ArrayList<Future<Void>>();
                for (Tablet t : tablets) {
                    var p = Promise.<Void>promise();
                    t.context().runOnContext(v -> {
                        threads.add(Thread.currentThread());
                        p.complete();
                    });
                    seen.add(p.future());
                }
                Api.await(Future.all(seen), 10);
                assertEquals(n, tablets.size());
                assertEquals(3, threads.size(), () -> "the tablets' event loops: " + threads);
            }
        } finally {
            Api.await(vertx.close(), 10);
        }
    }

    @Test
    @DisplayName("The bucket that holds a server histogram's 99th percentile, between two scrapes")
    void p99_bucket_between_scrapes() {
        String h = "phonghop_store_append_seconds";
        var before = Map.of(h + "_bucket{le=\"0.005\"}", 100.0, h + "_bucket{le=\"0.025\"}", 100.0, h + "_bucket{le=\"+Inf\"}", 100.0);
        // 1,000 more: 985 under 5 ms, 10 more under 25 ms, 5 beyond
        var after = Map.of(h + "_bucket{le=\"0.005\"}", 1085.0, h + "_bucket{le=\"0.025\"}", 1095.0, h + "_bucket{le=\"+Inf\"}", 1100.0);
        assertEquals(25.0, RealServer.p99AtMostMillis(before, after, h));
        // 990 of 1,000 under 5 ms: the 99th percentile is in the first bucket
        var early = Map.of(h + "_bucket{le=\"0.005\"}", 1090.0, h + "_bucket{le=\"0.025\"}", 1095.0, h + "_bucket{le=\"+Inf\"}", 1100.0);
        assertEquals(5.0, RealServer.p99AtMostMillis(before, early, h));
        // nothing recorded between them
        assertEquals(-1.0, RealServer.p99AtMostMillis(before, before, h));
        // past the last finite bucket
        var late = Map.of(h + "_bucket{le=\"0.005\"}", 100.0, h + "_bucket{le=\"0.025\"}", 100.0, h + "_bucket{le=\"+Inf\"}", 200.0);
        assertNull(RealServer.p99AtMostMillis(before, late, h));
    }
}
