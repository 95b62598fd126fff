package vn.phonghop.server.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.Server;
import vn.phonghop.server.config.Config;
import vn.phonghop.server.demo.Demo;
import vn.phonghop.server.live.TestServer;
import vn.phonghop.server.minutes.MinutesVerifier;
import vn.phonghop.server.store.PostgresServer;

/**
 * The archive on PostgreSQL: the same SQL (recursive tree, bytea, LIKE with an escape, guarded
 * numbering, savepoints) as on H2, on a fresh database of the throwaway cluster {@link PostgresServer}.
 */
class PostgresArchiveTest {
    @TempDir
    Path data;

    @Test
    @DisplayName("On PostgreSQL: the demo's minutes are filed and VALID, the tree and search work, closes number without gaps")
    void archive_on_postgresql() throws Exception {
        String url = PostgresServer.get().newDatabase();
        String user = "phonghop";
        var vertx = Vertx.vertx();
        var config = Config.from(Map.of("PORT", String.valueOf(TestServer.freePort()), "DATA_DIR", data.toString(),
                "DB_URL", url, "DB_USER", user));
        var server = Server.start(vertx, config).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        try {
            var services = server.services();
            var store = services.archiver().store();
            var demo = store.latest(Demo.ARCHIVED_MEETING_ID).orElseThrow();
            assertEquals("01-BB/CB", demo.numberText());
            assertEquals(MinutesVerifier.Status.VALID, MinutesVerifier.verify(store.pdf(demo.id())).status());
            assertEquals(Set.of("db-stp", "cb-hcth", "dbbp-tgpl", "cb-tgpl-1"),
                    services.archiver().organisations().subtree(Set.of("db-stp")));

            Instant start = Instant.parse("2026-11-10T01:00:00Z");
            var closes = new java.util.ArrayList<java.util.concurrent.CompletableFuture<?>>();
            for (String id : List.of("mt-pg-a", "mt-pg-b")) {
                var rt = SmallMeeting.run(services, SmallMeeting.commands(id, Demo.CELL, "Sinh hoạt " + id, start,
                        "Ý kiến về 100% hồ sơ_điện tử.", false));
                closes.add(rt.command("close-" + id, SmallMeeting.close(start)));
            }
            for (var f : closes) f.get(30, TimeUnit.SECONDS);
            var numbers = new java.util.TreeSet<String>();
            for (String id : List.of("mt-pg-a", "mt-pg-b")) {
                numbers.add(services.archiver().archive(id).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS)
                        .orElseThrow().numberText());
            }
            assertEquals(Set.of("02-BB/CB", "03-BB/CB"), numbers);

            var all = new ArchiveStore.Filter(null, null, null, null, SearchText.terms("bien ban"), 50, 0);
            assertEquals(3, store.list(all).total());
            var wildcard = new ArchiveStore.Filter(Set.of("cb-hcth"), null, null, null, SearchText.terms("hồ sơ_điện"), 50, 0);
            assertEquals(2, store.list(wildcard).total(), "an underscore is a character, not a wildcard");
            var none = new ArchiveStore.Filter(Set.of("cb-hcth"), null, null, null, SearchText.terms("hồ sơxđiện"), 50, 0);
            assertEquals(0, store.list(none).total());
            var corrected = services.archiver().correct(demo.id(), new Correction("Sửa lỗi chính tả", List.of()), "test");
            assertEquals(2, corrected.version());
            assertTrue(store.list(new ArchiveStore.Filter(null, null, null, null, List.of(), 50, 0)).items().stream()
                    .anyMatch(m -> m.id().equals(corrected.id())));
        } finally {
            server.close().compose(v -> vertx.close()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
