package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.demo.Demo;

/**
 * Nothing acknowledged is lost: a real server process is killed with SIGKILL right after it
 * acknowledged a secret vote and an open one, and the restarted server still counts them.
 */
class CrashDurabilityTest {
    @TempDir
    Path data;
    Process process;
    final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() throws Exception {
        if (process != null) process.destroyForcibly().waitFor();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("kill -9 after an acknowledged vote: after restart the vote is there, counted once")
    void acknowledged_votes_survive_kill() throws Exception {
        int port = TestServer.freePort();
        process = start(port);
        String chair = login(port, "chutri");
        String voter = login(port, "daibieu04");
        for (var c : List.of(cmd("StartMeeting"), cmd("CheckIn").put("personId", "m04"), cmd("CheckIn").put("personId", "m05"),
                poll("s1", "SECRET"), cmd("OpenPoll").put("pollId", "s1"))) {
            assertEquals(200, command(port, chair, c).getInteger("status"));
        }
        var vote = command(port, voter, cmd("CastVote").put("pollId", "s1").put("voterId", "m04")
                .put("choice", new JsonObject().put("type", "Motion").put("answer", "FOR")));
        assertEquals("ack", vote.getJsonObject("body").getString("type"), vote.encode());

        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, process.exitValue(), "killed by SIGKILL, no shutdown hook ran");

        process = start(port);
        chair = login(port, "chutri");
        var snap = get(port, chair, "/api/meetings/" + Demo.MEETING_ID);
        var s1 = snap.getJsonObject("view").getJsonArray("polls").getJsonObject(0);
        assertEquals("OPEN", s1.getString("status"));
        assertEquals(1, s1.getInteger("votedCount"), "the voter is still marked");
        var again = command(port, login(port, "daibieu04"), cmd("CastVote").put("pollId", "s1").put("voterId", "m04")
                .put("choice", new JsonObject().put("type", "Motion").put("answer", "AGAINST")));
        assertEquals("ALREADY_VOTED", again.getJsonObject("body").getString("reason"));
        assertEquals(200, command(port, chair, cmd("ClosePoll").put("pollId", "s1")).getInteger("status"));
        var closed = get(port, chair, "/api/meetings/" + Demo.MEETING_ID).getJsonObject("view").getJsonArray("polls")
                .getJsonObject(0);
        assertEquals(1, closed.getJsonObject("tally").getJsonObject("counts").getInteger("FOR"),
                "the ballot survived in the ballot box and was counted once");
        assertEquals(1, closed.getJsonObject("tally").getInteger("ballots"));
    }

    private static JsonObject cmd(String type) {
        return new JsonObject().put("type", type);
    }

    private static JsonObject poll(String id, String mode) {
        return cmd("CreatePoll").put("pollId", id).put("itemId", "i-3").put("question", "Thông qua nghị quyết")
                .put("kind", "ORDINARY_RESOLUTION").put("mode", mode).put("candidates", new JsonArray()).put("seats", 0)
                .put("forms", new JsonArray()).put("changeAllowed", false);
    }

    private Process start(int port) throws Exception {
        Path log = Files.createTempFile(data, "server", ".log");
        var pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "vn.phonghop.server.Main");
        pb.environment().put("PORT", String.valueOf(port));
        pb.environment().put("DATA_DIR", data.resolve("store").toString());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        waitHealthy(port, p, log);
        return p;
    }

    /** Polls /health until the new process answers UP (a condition, not a fixed sleep). */
    private void waitHealthy(int port, Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        var client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(1000));
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IllegalStateException("server exited: " + Files.readString(log));
            try {
                int status = client.request(new RequestOptions().setPort(port).setHost("127.0.0.1").setURI("/health"))
                        .compose(r -> r.send()).map(r -> r.statusCode()).toCompletionStage().toCompletableFuture()
                        .get(5, TimeUnit.SECONDS);
                if (status == 200) return;
            } catch (Exception notYet) {
                // the port is not open yet: the server is still starting
            }
            Thread.onSpinWait();
            p.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("server not healthy in 90 s: " + Files.readString(log));
    }

    private String login(int port, String user) throws Exception {
        return http(port, HttpMethod.POST, "/api/login", null,
                new JsonObject().put("username", user).put("password", Demo.PASSWORD)).getJsonObject("body").getString("token");
    }

    private JsonObject command(int port, String token, JsonObject c) throws Exception {
        return http(port, HttpMethod.POST, "/api/meetings/" + Demo.MEETING_ID + "/commands", token,
                new JsonObject().put("id", java.util.UUID.randomUUID().toString()).put("command", c));
    }

    private JsonObject get(int port, String token, String path) throws Exception {
        return http(port, HttpMethod.GET, path, token, null).getJsonObject("body");
    }

    private JsonObject http(int port, HttpMethod method, String path, String token, JsonObject body) throws Exception {
        var opts = new RequestOptions().setMethod(method).setPort(port).setHost("127.0.0.1").setURI(path)
                .putHeader("Content-Type", "application/json");
        if (token != null) opts.putHeader("Authorization", "Bearer " + token);
        var client = vertx.createHttpClient();
        try {
            return client.request(opts).compose(r -> body == null ? r.send() : r.send(body.toBuffer()))
                    .compose(r -> r.body().map(b -> new JsonObject().put("status", r.statusCode()).put("body", new JsonObject(b))))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }
}
