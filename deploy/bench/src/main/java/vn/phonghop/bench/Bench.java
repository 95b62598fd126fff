package vn.phonghop.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The benchmark harness: {@code java -jar phonghop-bench.jar <scenario> [key=value …]} runs one
 * scenario against the real server (its fat jar, started here as a child process on a fresh data
 * directory) and prints one JSON line of results on stdout; progress goes to stderr.
 * Scenarios: {@code smoke}, {@code congress}, {@code fanout}, {@code evening} (see docs/performance.md).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Bench smoke|congress|fanout|evening [key=value …]");
            System.exit(2);
        }
        var options = new HashMap<String, String>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("expected key=value: " + args[i]);
            options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        JsonObject result = run(args[0], options);
        System.out.println(result.encode());
        System.exit(result.getBoolean("ok", false) ? 0 : 1);
    }

    /** Runs a scenario and returns its result line; the smoke test calls this in-process. */
    public static JsonObject run(String scenario, Map<String, String> options) throws Exception {
        var o = new Options(options);
        Fleet.offerDeflate = deflate(o);
        double loadBefore = Cpu.loadAverage();
        Vertx vertx = Vertx.vertx(loadGeneratorOptions(clientLoops(o), nativeTransport(o)));
        Path work = Files.createTempDirectory("phonghop-bench-");
        long cpuBefore = Cpu.self();
        long started = System.nanoTime();
        try {
            JsonObject result;
            if (scenario.equals("smoke")) result = new Congress(vertx, o, work).smoke();
            else if (scenario.equals("congress")) result = new Congress(vertx, o, work).run();
            else if (scenario.equals("fanout")) result = new FanOut(vertx, o, work).run();
            else if (scenario.equals("evening")) result = new Evening(vertx, o, work).run();
            else throw new IllegalArgumentException("unknown scenario " + scenario);
            return new JsonObject().put("scenario", scenario).put("ok", result.getBoolean("ok", true))
                    .put("seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0)
                    .put("machine", machine(loadBefore).put("loadGeneratorTransport", vertx.isNativeTransportEnabled() ? "epoll" : "nio")).put("clientCpuSeconds", (Cpu.self() - cpuBefore) / 1e6)
                    .put("options", new JsonObject(new HashMap<>(options))).mergeIn(result);
        } finally {
            Api.await(vertx.close(), 60);
            deleteTree(work);
        }
    }

    /**
     * {@code transport=epoll} (the default) or {@code transport=nio}: the sockets of the server
     * under test, the bare Vert.x baseline and the load generator alike.
     */
    static boolean nativeTransport(Options o) {
        String t = o.text("transport", "epoll");
        if (!t.equals("epoll") && !t.equals("nio")) throw new IllegalArgumentException("transport=epoll or transport=nio, not " + t);
        return t.equals("epoll");
    }

    /** {@code clientLoops} (2): the event loops of each load-generator process, over which its tablets spread. */
    static int clientLoops(Options o) {
        return Math.max(1, o.integer("clientLoops", 2));
    }

    /** The JVM option that passes {@link #clientLoops} to a worker process. */
    static String clientLoopsProperty(Options o) {
        return "-Dbench.clientLoops=" + clientLoops(o);
    }

    /** {@link #clientLoops} in a worker process, from {@link #clientLoopsProperty}. */
    static int clientLoopsFromProperty() {
        return Math.max(1, Integer.getInteger("bench.clientLoops", 2));
    }

    /** The Vert.x of a load-generator process (this one, a worker). */
    static VertxOptions loadGeneratorOptions(int eventLoops, boolean nativeTransport) {
        return new VertxOptions().setEventLoopPoolSize(eventLoops).setBlockedThreadCheckInterval(10_000)
                .setPreferNativeTransport(nativeTransport);
    }

    /** In a child process (a baseline, a worker): the transport {@link #transportProperty} passed to it. */
    static boolean nativeTransportFromProperty() {
        return Boolean.parseBoolean(System.getProperty("phonghop.nativeTransport", "true"));
    }

    /** {@code deflate=1} (the default): the tablets ask for compression as a browser does ({@link Fleet#offerDeflate}). */
    static boolean deflate(Options o) {
        return o.integer("deflate", 1) != 0;
    }

    /** The JVM option that passes {@link #deflate} to a worker process. */
    static String deflateProperty(Options o) {
        return "-Dbench.deflate=" + deflate(o);
    }

    /** The JVM option that tells a server process (the real one, the bare baseline) which transport to use. */
    static String transportProperty(Options o) {
        return "-Dphonghop.nativeTransport=" + nativeTransport(o);
    }

    private static JsonObject machine(double loadBefore) {
        return new JsonObject().put("cores", Runtime.getRuntime().availableProcessors())
                .put("loadAverageBefore", loadBefore).put("loadAverageAfter", Cpu.loadAverage())
                .put("java", System.getProperty("java.version"));
    }

    static void log(String message) {
        System.err.println(java.time.LocalTime.now().withNano(0) + " bench: " + message);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a condition, checking every 5 ms; false when the time is up. */
    static boolean await(BooleanSupplier condition, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) return false;
            pause(5);
        }
        return true;
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            log("could not delete " + root + ": " + e);
        }
    }

    /** The scenario's knobs, from key=value arguments with defaults. */
    record Options(Map<String, String> values) {
        int integer(String key, int otherwise) {
            return values.containsKey(key) ? Integer.parseInt(values.get(key)) : otherwise;
        }

        double decimal(String key, double otherwise) {
            return values.containsKey(key) ? Double.parseDouble(values.get(key)) : otherwise;
        }

        String text(String key, String otherwise) {
            return values.getOrDefault(key, otherwise);
        }
    }
}
