package vn.phonghop.server.store;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import vn.phonghop.server.config.Config;

/**
 * The durable store alone under the national evening's pattern: many meetings, each appending
 * about once a second (a request for the floor and its receipt), so that nearly every append is a
 * group commit of its own. Prints, per round, the CPU of the whole process per append (the writer,
 * H2's serialization and save threads, the GC and the JIT), the heap its threads allocated per
 * append, the commits, and the size of H2's file. Not a test: run it with
 * {@code mvn -B -q -pl server test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=vn.phonghop.server.store.EveningStoreBenchmark [-Dexec.args="meetings rate seconds rounds"]}
 * (defaults 900 900 10 3).
 */
public final class EveningStoreBenchmark {
    private EveningStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int meetings = args.length > 0 ? Integer.parseInt(args[0]) : 900;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 900;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path dir = Files.createTempDirectory("phonghop-evening-store");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var cpu = new ArrayList<Double>();
        try (Database db = Database.open(Config.from(Map.of("DATA_DIR", dir.toString()))); EventStore store = new EventStore(db)) {
            long[] last = new long[meetings];
            // each meeting's log as the evening finds it: 25 events (check-ins, the first item)
            var before = new ArrayList<CompletableFuture<AppendResult>>();
            for (int k = 0; k < 25; k++) {
                for (int m = 0; m < meetings; m++) before.add(append(store, m, last));
                for (var f : before) f.get(60, TimeUnit.SECONDS);
                before.clear();
            }
            for (int round = 0; round <= rounds; round++) {
                long cpu0 = process.getProcessCpuTime();
                long allocated0 = allocated(threads);
                var stats0 = store.stats();
                long start = System.nanoTime();
                long n = (long) rate * seconds;
                var pending = new ArrayList<CompletableFuture<AppendResult>>();
                for (long i = 0; i < n; i++) {
                    // open loop: each append at its time, one meeting after another
                    long wait = start + i * 1_000_000_000L / rate - System.nanoTime();
                    if (wait > 0) LockSupport.parkNanos(wait);
                    pending.add(append(store, (int) (i % meetings), last));
                }
                for (var f : pending) {
                    if (!(f.get(60, TimeUnit.SECONDS) instanceof AppendResult.Appended)) throw new IllegalStateException(f.get().toString());
                }
                double micros = (process.getProcessCpuTime() - cpu0) / 1e3 / n;
                double kb = (allocated(threads) - allocated0) / 1024.0 / n;
                long commits = store.stats().batches() - stats0.batches();
                long fileBytes;
                try (var files = Files.list(dir)) {
                    fileBytes = files.mapToLong(f -> f.toFile().length()).sum();
                }
                System.out.printf("round %d: %d appends to %d meetings at %d/s, %d commits, CPU %.0f µs and %.1f KB allocated"
                        + " per append, H2 file %.0f MB%s%n", round, n, meetings, rate, commits, micros, kb, fileBytes / 1e6,
                        round == 0 ? " (warm-up, not counted)" : "");
                if (round > 0) cpu.add(micros);
            }
        }
        cpu.sort(null);
        System.out.printf("median CPU per append %.0f µs over %d rounds%n", cpu.get(cpu.size() / 2), rounds);
        System.exit(0);
    }

    private static CompletableFuture<AppendResult> append(EventStore store, int m, long[] last) {
        String meeting = "mt-evening-" + m;
        Instant at = Instant.now();
        String commandId = UUID.randomUUID().toString();
        long expected = last[m]++;
        String payload = "{\"type\":\"FloorRequested\",\"personId\":\"m" + (expected % 20) + "\",\"at\":\"" + at + "\"}";
        return store.append(new AppendRequest(meeting, expected, List.of(new NewEvent("FloorRequested", payload, at)),
                Optional.of(new AppendRequest.CommandReceipt(commandId,
                        "{\"type\":\"ack\",\"id\":\"" + commandId + "\",\"seq\":" + (expected + 1) + "}")), List.of()));
    }

    private static long allocated(com.sun.management.ThreadMXBean threads) {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            long bytes = threads.getThreadAllocatedBytes(id);
            if (bytes > 0) sum += bytes;
        }
        return sum;
    }
}
