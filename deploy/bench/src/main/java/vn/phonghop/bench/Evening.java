package vn.phonghop.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * National evening: the cells of a whole province meet at once, ~18,000 tablets in rooms of 20.
 * In every room, once a second, a member asks for the floor or withdraws (open loop: on schedule,
 * whatever the server's answers); the latency of every delivery from the event's timestamp, and
 * the server's heap per connected tablet. Then the same tablets and schedule against the bare
 * Vert.x baseline and Node's ws, each room's events sent to that room only, and the ratios.
 */
final class Evening {
    private final Vertx vertx;
    private final Bench.Options o;
    private final Path work;

    Evening(Vertx vertx, Bench.Options o, Path work) {
        this.vertx = vertx;
        this.o = o;
        this.work = work;
    }

    private record Room(String meetingId, List<String> memberIds, List<String> tokens) { }

    JsonObject run() throws Exception {
        int roomSize = o.integer("roomSize", 20);
        int rooms = o.integer("tablets", 18_000) / roomSize;
        int n = rooms * roomSize;
        int seconds = o.integer("seconds", 30);
        var out = new JsonObject().put("tablets", n).put("rooms", rooms).put("roomSize", roomSize).put("eventSeconds", seconds)
                .put("eventsPerRoomPerSecond", o.integer("rate", 1));
        try (var fleet = new Fleet(vertx, Bench.clientLoops(o), o.integer("perAddress", 5000), o.integer("addresses", 8))) {
            JsonObject real;
            try (var server = RealServer.start(vertx, o, work)) {
                Bench.log("setting up " + rooms + " rooms of " + roomSize);
                long s0 = System.nanoTime();
                List<Room> all = Api.all(rooms, 8, r -> room(server, r, roomSize));
                out.put("setupSeconds", Congress.round((System.nanoTime() - s0) / 1e9));
                var memoryBefore = server.process.memoryAfterGc();
                long liveBefore = server.process.liveObjects();

                var meetingIds = new ArrayList<String>();
                var memberIds = new ArrayList<String>();
                var tokens = new ArrayList<String>();
                for (Room r : all) {
                    for (int i = 0; i < roomSize; i++) meetingIds.add(r.meetingId());
                    memberIds.addAll(r.memberIds());
                    tokens.addAll(r.tokens());
                }
                Bench.log("connecting " + n + " tablets");
                long c0 = System.nanoTime();
                List<Tablet> tablets = fleet.connect(server.process.port, meetingIds, memberIds, tokens, 900);
                out.put("connect", new JsonObject().put("extensionsAccepted", fleet.extensionsAccepted()).put("seconds", Congress.round((System.nanoTime() - c0) / 1e9)));
                var heap = server.process.memoryAfterGc().perTablet(memoryBefore, n);
                out.put("serverHeap", heap);

                Bench.log("every tablet checks in; the secretaries open item 1");
                Api.all(n, 64, i -> tablets.get(i).command(Congress.id(), new JsonObject().put("type", "CheckIn")
                        .put("personId", tablets.get(i).memberId)));
                Api.all(rooms, 64, r -> tablets.get(r * roomSize + 1).command(Congress.id(), new JsonObject().put("type", "NextItem")));

                fleet.sampleTablet = roomSize - 1; // a delegate of the first room: what it receives, the baselines send
                fleet.samples.clear();
                real = evening(fleet, tablets, rooms, roomSize, seconds, server.process, server::metrics, (k, t) -> {
                    var cmd = new JsonObject().put("type", k % 2 == 0 ? "RequestFloor" : "WithdrawRequest").put("personId", t.memberId);
                    return k % 2 == 0 ? cmd.put("pointOfOrder", false) : cmd;
                });
                fleet.sampleTablet = -1;
                // what the rooms' meetings keep as they go on (the tablets still connected): an evening of
                // hours must not grow by what each event leaves behind
                long afterEvents = server.process.heapAfterGc();
                heap.put("afterEventsMB", afterEvents / 1e6)
                        .put("perTabletAfterEventsKB", Congress.round((afterEvents - memoryBefore.heap()) / 1e3 / n));
                // the objects alive, counted in the collection's own pause (the figure above moves with
                // what the server allocates between the collection and its reading), against the same count
                // before the tablets connected
                long live = server.process.liveObjects();
                heap.put("liveBeforeConnectMB", liveBefore / 1e6).put("liveAfterEventsMB", live / 1e6)
                        .put("livePerTabletAfterEventsKB", Congress.round((live - liveBefore) / 1e3 / n));
                fleet.disconnectAll();
            }
            out.put("events", real);
            Bench.log("server: " + real.encode());
            var asked = JsonObject.of("FloorRequested", Baselines.command(fleet.samples, "FloorRequested"),
                    "FloorRequestWithdrawn", Baselines.command(fleet.samples, "FloorRequestWithdrawn"));
            var ratios = new JsonObject();
            for (String name : Baselines.names(o)) {
                JsonObject b = baseline(fleet, name, n, rooms, roomSize, seconds, asked);
                out.put(name, b);
                if (!b.containsKey("delivery")) continue;
                String base = Baselines.capital(name);
                ratios.put("serverOver" + base + "Delivered", Congress.round((double) real.getLong("messagesDelivered") / b.getLong("messagesDelivered")))
                        .put("serverOver" + base + "DeliveredPerSecond", Congress.round(real.getDouble("messagesPerSecondToLastDelivery")
                                / b.getDouble("messagesPerSecondToLastDelivery")))
                        .put("serverOver" + base + "P99", Congress.round(real.getJsonObject("delivery").getDouble("p99ms")
                                / b.getJsonObject("delivery").getDouble("p99ms")))
                        .put("serverOver" + base + "CpuPerMessage", Congress.round(real.getDouble("serverCpuMicrosPerMessage")
                                / b.getDouble("serverCpuMicrosPerMessage")));
            }
            out.put("ratios", ratios);
            return out.put("ok", real.getBoolean("ok"));
        }
    }

    /**
     * The same evening against a baseline, same tablets (reconnected), same schedule: each tablet's
     * command carries the real server's event of the kind it asks for, which the baseline sends to
     * the tablet's room.
     */
    private JsonObject baseline(Fleet fleet, String name, int n, int rooms, int roomSize, int seconds, JsonObject asked) {
        var skipped = new JsonObject();
        try (var child = Baselines.start(name, o, work, skipped)) {
            if (child == null) return skipped;
            var meetingIds = new ArrayList<String>();
            var memberIds = new ArrayList<String>();
            for (int r = 0; r < rooms; r++) {
                for (int i = 0; i < roomSize; i++) {
                    meetingIds.add("room-" + r);
                    memberIds.add(String.format("m%02d", i + 1));
                }
            }
            Bench.log("baseline " + name + ": connecting " + n + " tablets");
            var tablets = fleet.connect(child.port, meetingIds, memberIds, java.util.Collections.nCopies(n, "none"), 900);
            long heap = Baselines.heapAfterGc(name, child);
            var r = evening(fleet, tablets, rooms, roomSize, seconds, child, null,
                    (k, t) -> asked.getJsonObject(k % 2 == 0 ? "FloorRequested" : "FloorRequestWithdrawn"));
            if (heap > 0) r.put("heapConnectedMB", heap / 1e6);
            fleet.disconnectAll();
            Bench.log("baseline " + name + ": " + r.encode());
            return r;
        } catch (RuntimeException | java.io.IOException e) {
            fleet.disconnectAll();
            return Baselines.failed(name, e);
        }
    }

    /**
     * The evening itself: unmeasured warm-up seconds first (an even number: every request is
     * withdrawn again; in a cold server the JIT compilers took a quarter of a core during the
     * measured 30 s), then the measured seconds.
     */
    private JsonObject evening(Fleet fleet, List<Tablet> tablets, int rooms, int roomSize, int seconds, ChildProcess server,
                               java.util.function.Supplier<java.util.Map<String, Double>> metrics,
                               java.util.function.BiFunction<Integer, Tablet, JsonObject> command) {
        int rate = o.integer("rate", 1);
        int warmUp = o.integer("warmUpSeconds", 10) / 2 * 2;
        if (warmUp > 0) {
            Bench.log(server.name + ": warm-up, " + warmUp + " s of the same evening, not measured");
            Window warm = fleet.newSharedWindow();
            var warmSent = schedule(tablets, rooms, roomSize, warmUp, rate, System.nanoTime() + 500_000_000L, command);
            Bench.await(() -> warmSent.stream().allMatch(Future::isComplete), warmUp * 1000L + 120_000);
            Bench.await(() -> warm.events.get() >= (long) rooms * warmUp * rate * roomSize, 60_000);
        }
        Bench.log(server.name + ": " + seconds + " s measured, " + rate + " event(s) per room per second");
        Window w = fleet.newSharedWindow();
        long server0 = server.cpuMicros();
        long client0 = Cpu.self();
        // the real server's own figures (none for a baseline)
        var metrics0 = metrics == null ? null : metrics.get();
        // on PostgreSQL (dbUrl=), the database's CPU too: its commits are the server's work done elsewhere
        boolean pg = server.name.equals("server") && !o.text("dbUrl", "").isEmpty();
        long db0 = pg ? Cpu.named("postgres") : 0;
        long start = System.nanoTime() + 500_000_000L;
        var sent = schedule(tablets, rooms, roomSize, seconds, rate, start, command);
        long expected = (long) rooms * seconds * rate * roomSize;
        Bench.await(() -> w.events.get() >= expected, seconds * 1000L + 120_000);
        // how long after the schedule's last send the last delivery came: a server keeping up is done within milliseconds
        long interval = 1_000_000_000L / rate;
        long lastSend = start + interval * ((long) seconds * rate - 1) + interval * (rooms - 1) / rooms;
        long behindMillis = (System.nanoTime() - lastSend) / 1_000_000;
        Bench.await(() -> sent.stream().allMatch(Future::isComplete), 120_000);
        long acked = sent.stream().filter(Future::succeeded).count();
        long messages = w.messages.get();
        var delivery = w.deliveryLatency();
        var result = new JsonObject().put("ok", acked == sent.size() && delivery.getLong("count") >= expected)
                .put("sent", sent.size()).put("acked", acked).put("refused", w.refused.get()).put("seqGaps", w.gaps.get())
                .put("deliveriesExpected", expected).put("delivery", delivery).put("ack", w.ackLatency())
                .put("messagesDelivered", messages)
                .put("messagesPerSecond", Congress.round(messages / (double) seconds))
                .put("lastDeliveryAfterScheduleMs", behindMillis)
                .put("messagesPerSecondToLastDelivery", Congress.round(messages / (seconds + Math.max(0, behindMillis) / 1e3)))
                .put("serverCpuMicrosPerMessage", Congress.round((double) (server.cpuMicros() - server0) / Math.max(1, messages)))
                .put("clientCpuMicrosPerMessage", Congress.round((double) (Cpu.self() - client0) / Math.max(1, messages)));
        if (metrics != null) result.put("serverSays", RealServer.says(metrics0, metrics.get()));
        if (pg) result.put("databaseCpuMicrosPerMessage", Congress.round((double) (Cpu.named("postgres") - db0) / Math.max(1, messages)));
        return result;
    }

    /**
     * {@code rate} events per room per second (option {@code rate}, 1) for {@code seconds} from
     * {@code start}, rooms staggered over each interval: a member asks for the floor, then
     * withdraws at the next event. Open loop: each command has its time. A higher rate than the
     * evening's finds the ceiling: the rate at which a server stops keeping up
     * ({@code lastDeliveryAfterScheduleMs} grows with the run instead of staying at milliseconds).
     */
    private static List<Future<Long>> schedule(List<Tablet> tablets, int rooms, int roomSize, int seconds, int rate, long start,
                                               java.util.function.BiFunction<Integer, Tablet, JsonObject> command) {
        long interval = 1_000_000_000L / rate;
        var sent = new ArrayList<Future<Long>>();
        for (int r = 0; r < rooms; r++) {
            long offset = interval * r / rooms;
            for (int k = 0; k < seconds * rate; k++) {
                Tablet t = tablets.get(r * roomSize + 2 + (k / 2) % (roomSize - 2));
                sent.add(t.command(Congress.id(), command.apply(k, t), start + offset + interval * k));
            }
        }
        return sent;
    }

    /** One cell's meeting, set up through the API as its secretary would, with a paired seat per member. */
    private Future<Room> room(RealServer server, int index, int size) {
        var api = server.api;
        String admin = server.adminToken;
        var members = new ArrayList<String>();
        var csv = new StringBuilder("id,name,membership,standing\r\n");
        for (int i = 1; i <= size; i++) {
            members.add(String.format("m%02d", i));
            csv.append(members.get(i - 1)).append(",Đảng viên ").append(index).append('-').append(i).append(",OFFICIAL,ACTIVE\r\n");
        }
        var org = new JsonObject().put("id", "cell-" + index).put("name", "Chi bộ " + index).put("kind", "CELL")
                .put("superiorName", "Đảng bộ tỉnh").put("symbol", "CB");
        var schedule = new JsonObject().put("title", "Sinh hoạt chi bộ " + index).put("kind", "REGULAR_CELL_MEETING")
                .put("organisation", org).put("venue", "Phòng họp").put("place", "Hà Nội")
                .put("plannedStart", java.time.Instant.now().plus(java.time.Duration.ofDays(2)).toString()).put("template", true);
        return api.postJson("/api/meetings", admin, schedule, 201).map(m -> m.getString("meetingId")).compose(id ->
                api.call(HttpMethod.POST, "/api/meetings/" + id + "/roster.csv", admin, "text/csv", csv.toString())
                        .compose(r -> api.command(admin, id, new JsonObject().put("type", "AssignRole").put("memberId", "m01").put("role", "CHAIR")))
                        .compose(r -> api.command(admin, id, new JsonObject().put("type", "AssignRole").put("memberId", "m02")
                                .put("role", "MINUTE_TAKER")))
                        .compose(r -> api.command(admin, id, new JsonObject().put("type", "PublishMeeting")))
                        .compose(r -> pairAll(api, admin, id, members, 0, new ArrayList<>()))
                        .compose(tokens -> api.command(tokens.get(1), id, new JsonObject().put("type", "StartMeeting"))
                                .map(r -> new Room(id, members, tokens))));
    }

    private static Future<List<String>> pairAll(Api api, String admin, String meetingId, List<String> members, int i, List<String> tokens) {
        if (i == members.size()) return Future.succeededFuture(tokens);
        return api.pairSeat(admin, meetingId, members.get(i)).compose(t -> {
            tokens.add(t);
            return pairAll(api, admin, meetingId, members, i + 1, tokens);
        });
    }
}
