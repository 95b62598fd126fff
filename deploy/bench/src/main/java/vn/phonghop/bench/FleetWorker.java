package vn.phonghop.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;

/**
 * More tablets in another process: one process holds at most ~20,000 sockets here, so a scenario
 * that needs more spreads its tablets over workers ({@code processes=N}). A worker connects the
 * tablets it is given and reports what they saw; the main process drives the scenario and merges.
 * It answers one line per line read on stdin (progress goes to stderr):
 * <pre>
 * connect PORT MEETING TOKENS_FILE   → connected COUNT
 * window                             → ok            (a new measuring window)
 * await SEQ TIMEOUT_MS               → seen SEQ RECEIVERS LAST_MICROS   (waits until every tablet has SEQ)
 * stats                              → stats {messages, bytes, gaps, cpuMicros, delivery: compressed histogram}
 * disconnect                         → ok
 * </pre>
 * {@code java -cp phonghop-bench.jar vn.phonghop.bench.FleetWorker PER_ADDRESS FIRST_ADDRESS ADDRESSES}
 */
public final class FleetWorker {
    public static void main(String[] args) throws Exception {
        int perAddress = Integer.parseInt(args[0]);
        int firstAddress = Integer.parseInt(args[1]);
        int addresses = Integer.parseInt(args[2]);
        int loops = Bench.clientLoopsFromProperty();
        Vertx vertx = Vertx.vertx(Bench.loadGeneratorOptions(loops, Bench.nativeTransportFromProperty()));
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (var fleet = new Fleet(vertx, loops, perAddress, firstAddress, addresses)) {
            var worker = new FleetWorker(fleet, firstAddress);
            String line;
            while ((line = in.readLine()) != null) {
                String answer;
                try {
                    answer = worker.answer(line.trim().split(" "));
                } catch (RuntimeException | java.io.IOException e) {
                    // the main process reports it and stops the run
                    e.printStackTrace();
                    answer = "error " + String.valueOf(e.getMessage()).replace('\n', ' ');
                }
                System.out.println(answer);
                System.out.flush();
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    private final Fleet fleet;
    private final int firstAddress;
    private int connected;
    private long cpuAtWindow = Cpu.self();

    private FleetWorker(Fleet fleet, int firstAddress) {
        this.fleet = fleet;
        this.firstAddress = firstAddress;
    }

    private String answer(String[] w) throws java.io.IOException {
        switch (w[0]) {
            case "connect" -> {
                var tokens = Files.readAllLines(Path.of(w[3]));
                var members = new ArrayList<String>();
                for (int i = 0; i < tokens.size(); i++) members.add("w" + firstAddress + "-" + i);
                connected = fleet.connect(Integer.parseInt(w[1]), w[2], members, tokens, 900).size();
                return "connected " + connected;
            }
            case "window" -> {
                fleet.newWindow();
                cpuAtWindow = Cpu.self();
                return "ok";
            }
            case "await" -> {
                long seq = Long.parseLong(w[1]);
                Window win = fleet.window();
                Congress.everyone(win, seq, connected, Long.parseLong(w[2]));
                return "seen " + seq + " " + win.receivers(seq) + " " + win.timeToLastMicros(seq);
            }
            case "stats" -> {
                Window win = fleet.window();
                var h = win.deliveryHistogram();
                ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
                int size = h.encodeIntoCompressedByteBuffer(buf);
                return "stats " + new JsonObject().put("messages", win.messages.get()).put("bytes", win.messageBytes.get())
                        .put("gaps", win.gaps.get()).put("cpuMicros", Cpu.self() - cpuAtWindow)
                        .put("delivery", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), size))).encode();
            }
            case "disconnect" -> {
                fleet.disconnectAll();
                connected = 0;
                return "ok";
            }
            default -> {
                return "error unknown request " + w[0];
            }
        }
    }
}
