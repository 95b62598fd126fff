package vn.phonghop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The harness works: a tiny congress against the real server jar from this build. Only that it
 * works is checked (every vote acknowledged, counts and results on every tablet), never timing:
 * performance is measured by the benchmarks, on a quiet machine, not by tests.
 */
class BenchSmokeTest {

    @Test
    @Timeout(120)
    @DisplayName("Twenty tablets check in, vote twice, and every vote is acknowledged and every result arrives")
    void smoke_congress_works() throws Exception {
        assertCongressWorks(Bench.run("smoke", Map.of("serverJar", serverJar().toString())));
    }

    @Test
    @Timeout(120)
    @DisplayName("The same congress voting by show of hands: the console's open votes are counted with the others")
    void smoke_congress_by_show_of_hands_works() throws Exception {
        assertCongressWorks(Bench.run("smoke", Map.of("serverJar", serverJar().toString(), "mode", "SHOW_OF_HANDS")));
    }

    private static void assertCongressWorks(JsonObject r) {
        assertEquals(20, r.getInteger("tablets"));
        for (String phase : new String[] {"spread", "burst"}) {
            JsonObject poll = r.getJsonObject("polls").getJsonObject(phase);
            assertEquals(20L, poll.getLong("acked"), () -> phase + ": every vote acknowledged: " + poll);
            var counts = poll.getJsonObject("votedCountTimeToLastTablet");
            assertEquals(20L, counts.getLong("events"), () -> phase + ": every vote counted as an event: " + counts);
            assertEquals(20L, counts.getLong("reachedEveryTablet"), () -> phase + ": every count reached every tablet: " + counts);
            assertTrue(poll.getBoolean("ok"), () -> phase + ": the result reached every tablet: " + poll);
        }
        assertTrue(r.getBoolean("ok"), r::encodePrettily);
    }

    @Test
    @Timeout(180)
    @DisplayName("Twenty tablets in two processes follow the agenda on the real server, then the same event from the bare Vert.x baseline")
    void smoke_fanout_works() throws Exception {
        Path jar = serverJar();

        JsonObject r = Bench.run("fanout", Map.of("serverJar", jar.toString(), "tablets", "20", "advances", "3",
                "baselines", "vertx", "perAddress", "100", "processes", "2"));

        assertEquals(2, r.getInteger("processes"));
        for (String side : new String[] {"server", "vertx"}) {
            JsonObject s = r.getJsonObject(side);
            assertEquals(3, s.getInteger("advancesReachingEveryTablet"), () -> side + ": every move reached every tablet: " + s);
            assertEquals(0L, s.getLong("seqGaps"), () -> side + ": no gaps: " + s);
            // every tablet's deliveries, the worker's half included: 3 moves × 20 tablets
            assertEquals(60L, s.getJsonObject("delivery").getLong("count"), () -> side + ": deliveries from both processes: " + s);
        }
        // the baseline sent the real server's event: the same text, so the same size
        assertEquals(r.getJsonObject("server").getLong("eventBytesAverage"), r.getJsonObject("vertx").getLong("eventBytesAverage"),
                10.0, r::encodePrettily);
        assertTrue(r.getBoolean("ok"), r::encodePrettily);
    }

    @Test
    @Timeout(180)
    @DisplayName("Two rooms of twenty ask for the floor on the real server, then the same evening on the bare Vert.x baseline")
    void smoke_evening_works() throws Exception {
        Path jar = serverJar();

        JsonObject r = Bench.run("evening", Map.of("serverJar", jar.toString(), "tablets", "40", "seconds", "2",
                "warmUpSeconds", "2", "baselines", "vertx", "perAddress", "100"));

        for (String side : new String[] {"events", "vertx"}) {
            JsonObject s = r.getJsonObject(side);
            assertEquals(4L, s.getLong("acked"), () -> side + ": every request acknowledged: " + s);
            assertEquals(80L, s.getJsonObject("delivery").getLong("count"), () -> side + ": every event reached its room: " + s);
        }
        assertTrue(r.getJsonObject("ratios").containsKey("serverOverVertxDelivered"), r::encodePrettily);
        assertTrue(r.getBoolean("ok"), r::encodePrettily);
    }

    /** The server jar of this build (the server module comes earlier in the reactor); skips when it is not there. */
    private static Path serverJar() {
        Path jar = Path.of(System.getProperty("phonghop.server.jar", "../../server/target/phonghop-server.jar"));
        assumeTrue(Files.isRegularFile(jar), "the server jar is built by the server module earlier in the reactor");
        return jar;
    }
}
