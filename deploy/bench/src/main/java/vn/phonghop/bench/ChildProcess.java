package vn.phonghop.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A server the bench measures, run as its own process (the real fat jar, the bare Vert.x
 * baseline or Node's ws), so that its CPU time and heap are its own. Output goes to a log file.
 */
final class ChildProcess implements AutoCloseable {
    /** The reserved address range on G1's (and Parallel's first) heap line: {@code [0x…c0000000, 0x…100000000)}. */
    private static final Pattern HEAP_RANGE = Pattern.compile("\\[0x([0-9a-f]+), 0x([0-9a-f]+)[,)]");
    /** "used 77092K" (G1, ZGC, Parallel) or "14208K used" (Shenandoah). */
    private static final Pattern HEAP_USED = Pattern.compile("\\bused (\\d+)([KMG])\\b|\\b(\\d+)([KMG]) used\\b");
    /** The last line of {@code jcmd GC.class_histogram}: "Total  instances  bytes". */
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    final String name;
    final int port;
    private final Process process;
    final Path log;

    private ChildProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> env, int port, Path log)
            throws IOException {
        var pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        var child = new ChildProcess(name, port, pb.start(), log);
        // a bench stopped by a signal takes its servers with it
        Runtime.getRuntime().addShutdownHook(new Thread(child.process::destroy, "stop-" + name));
        child.awaitPort(120_000);
        return child;
    }

    /** A JVM child with the bench's own java. */
    static List<String> java(List<String> args) {
        var cmd = new java.util.ArrayList<String>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(args);
        return cmd;
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the port accepts connections, or the process dies, or the time is up. */
    private void awaitPort(long timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) throw new IOException(name + " exited: " + tail());
            try (var s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Bench.pause(100);
            }
        }
        throw new IOException(name + " did not listen on " + port + " within " + timeoutMillis + " ms: " + tail());
    }

    /** User + system CPU time of the process so far, in microseconds (from /proc/<pid>/stat). */
    long cpuMicros() {
        return Cpu.micros(process.pid());
    }

    /**
     * The heap in use after a full GC, and what is resident outside the Java heap's reserved range
     * just after it (bytes; -1: unknown): thread stacks, code, Metaspace, Netty's direct buffers,
     * and a zlib stream of each WebSocket that compresses. The whole resident set is no use for
     * this: G1 commits and gives back heap at will, ±100 KB per tablet between runs.
     */
    record Memory(long heap, long offHeap) {
        JsonObject perTablet(Memory before, int n) {
            return new JsonObject().put("beforeConnectMB", before.heap / 1e6).put("connectedMB", heap / 1e6)
                    .put("perTabletKB", Congress.round((heap - before.heap) / 1e3 / n))
                    .put("offHeapResidentBeforeConnectMB", before.offHeap / 1e6).put("offHeapResidentConnectedMB", offHeap / 1e6)
                    .put("offHeapResidentPerTabletKB", before.offHeap < 0 || offHeap < 0 ? -1
                            : Congress.round((offHeap - before.offHeap) / 1e3 / n));
        }
    }

    /** {@link #heapAfterGc()}, and the resident memory outside the heap right after that collection. */
    Memory memoryAfterGc() {
        String info = heapInfoAfterGc();
        if (info == null) return new Memory(-1, -1);
        long[] range = heapRange(info);
        return new Memory(heapUsed(info), range == null ? -1 : Cpu.residentOutside(process.pid(), range[0], range[1]));
    }

    /** The heap's reserved address range [from, to) on the first heap line that prints one, or null (ZGC). */
    static long[] heapRange(String heapInfo) {
        var m = HEAP_RANGE.matcher(heapInfo);
        return m.find() ? new long[] {Long.parseUnsignedLong(m.group(1), 16), Long.parseUnsignedLong(m.group(2), 16)} : null;
    }

    private String heapInfoAfterGc() {
        return jcmd("GC.run") == null ? null : jcmd("GC.heap_info");
    }

    /** What {@code jcmd <pid> command} prints, or null when there is no jcmd or it fails. */
    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) return null;
        try {
            return run(jcmd.toString(), String.valueOf(pid()), command);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The bytes of the objects alive, counted by a class histogram ({@code jcmd GC.class_histogram}
     * collects and counts in the same pause), or -1 when it cannot be read. Unlike
     * {@link #heapAfterGc()}, nothing the process allocates between the collection and the reading
     * counts: that moved the evening's end figure by ±60 MB between runs (docs/performance.md).
     */
    long liveObjects() {
        String histogram = jcmd("GC.class_histogram");
        return histogram == null ? -1 : histogramTotal(histogram);
    }

    /** The bytes on a class histogram's {@code Total} line, or -1 when there is none. */
    static long histogramTotal(String histogram) {
        var m = HISTOGRAM_TOTAL.matcher(histogram);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Heap in use after a full GC, in bytes (via jcmd), or -1 when it cannot be read (e.g. Node). */
    long heapAfterGc() {
        String info = heapInfoAfterGc();
        return info == null ? -1 : heapUsed(info);
    }

    /**
     * The heap in use from {@code jcmd GC.heap_info}: G1 and ZGC print one line for the heap, the
     * Parallel and Serial collectors one per generation (summed here); Metaspace is not heap.
     * -1 when no heap line is found.
     */
    static long heapUsed(String heapInfo) {
        long sum = -1;
        for (String line : heapInfo.split("\n")) {
            String l = line.strip();
            if (l.startsWith("Metaspace") || l.startsWith("class space")) continue;
            var m = HEAP_USED.matcher(l);
            if (!m.find()) continue;
            int g = m.group(1) != null ? 1 : 3;
            long unit = switch (m.group(g + 1)) {
                case "K" -> 1L << 10;
                case "M" -> 1L << 20;
                default -> 1L << 30;
            };
            sum = Math.max(sum, 0) + Long.parseLong(m.group(g)) * unit;
        }
        return sum;
    }

    /** Runs a command and returns what it printed (through a file: a class histogram is more than a pipe holds). */
    private static String run(String... cmd) throws IOException {
        Path out = Files.createTempFile("bench-jcmd", ".txt");
        try {
            var p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", cmd));
            }
            return Files.readString(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    String tail() {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
