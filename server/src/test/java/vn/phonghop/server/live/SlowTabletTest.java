package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.demo.Demo;

/**
 * A device that stops reading: the server stops writing to it once it holds its bound of unsent
 * bytes, drops it with 4008, and the meeting and every other device go on. The device here is a
 * raw TCP socket with a small receive buffer, so that what the kernel can hold for it is small and
 * known; it speaks the WebSocket handshake and frames itself.
 */
class SlowTabletTest {
    @TempDir
    Path data;

    private static JsonObject cmd(String type) {
        return new JsonObject().put("type", type);
    }

    @Test
    @Timeout(180)
    @DisplayName("A console that stops reading is dropped (4008) with what it was sent in order; the meeting and the other devices go on, and it resumes")
    void a_device_that_stops_reading_is_dropped() throws Exception {
        try (var server = new TestServer(data); var chair = server.live(); var watcher = server.live();
             var slow = new RawDevice(server.port)) {
            String chairToken = server.login("chutri");
            chair.hello(chairToken, Demo.MEETING_ID);
            watcher.hello(server.login("chutri"), Demo.MEETING_ID);
            slow.hello(chairToken, Demo.MEETING_ID); // and from now on it reads nothing

            assertEquals("ack", chair.command(cmd("StartMeeting")).getString("type"));
            assertEquals("ack", chair.command(cmd("NextItem")).getString("type"));
            // each conclusion is ~38 KB of UTF-8 in the event and again in its patch: 200 of them are
            // far more than the slow socket's kernel buffers and the server's bound together
            String text = "Chi bộ thống nhất: " + "ư".repeat(19_000);
            int conclusions = 200;
            long last = -1;
            for (int i = 0; i < conclusions; i++) {
                var ack = chair.command(cmd("RecordConclusion").put("itemId", "i-1").put("text", text + i));
                assertEquals("ack", ack.getString("type"), ack::encode);
                last = ack.getLong("seq");
            }
            long lastSeq = last;
            // every other device got everything, in order
            watcher.next(m -> m.getLong("seq", -1L) == lastSeq);
            LiveProtocolTest.assertGapless(watcher.seen());

            // the slow device now reads what the server had written for it: in order, then the close
            List<Long> seqs = slow.readUntilClose();
            assertEquals(4008, slow.closeCode, "dropped as too slow");
            assertTrue(seqs.size() > 1, "it got the snapshot and some events first: " + seqs);
            for (int i = 1; i < seqs.size(); i++) assertEquals(seqs.get(i - 1) + 1, seqs.get(i), () -> "gapless: " + seqs);
            // here it gets to ~75 of ~232 (the kernel's buffers and the server's bound hold ~40 conclusions)
            assertTrue(seqs.get(seqs.size() - 1) < lastSeq,
                    () -> "the server stopped writing before the last event: got to " + seqs.get(seqs.size() - 1) + " of " + lastSeq);

            // it comes back and is current
            try (var back = server.live()) {
                back.lastSeq = seqs.get(seqs.size() - 1);
                var hello = back.hello(chairToken, Demo.MEETING_ID);
                assertEquals("snapshot", hello.getString("type"), "too far behind for a resume");
                assertEquals(last, hello.getLong("seq"));
                assertEquals("ack", chair.command(cmd("NextItem")).getString("type"));
                assertEquals(last + 1, back.event("CurrentItemChanged").getLong("seq"));
            }
        }
    }

    @Test
    @Timeout(180)
    @DisplayName("A device that never reads again does not keep its connection: it is cut once its close frame could not go out")
    void a_device_that_never_reads_again_is_cut() throws Exception {
        long grace = LiveSocket.closeGraceMillis;
        LiveSocket.closeGraceMillis = 1_000;
        try (var server = new TestServer(data); var chair = server.live(); var stuck = new RawDevice(server.port)) {
            String chairToken = server.login("chutri");
            chair.hello(chairToken, Demo.MEETING_ID);
            stuck.hello(chairToken, Demo.MEETING_ID); // and it never reads again
            waitFor(() -> connections(server) == 2, "both devices connected");

            assertEquals("ack", chair.command(cmd("StartMeeting")).getString("type"));
            assertEquals("ack", chair.command(cmd("NextItem")).getString("type"));
            String text = "Chi bộ thống nhất: " + "ư".repeat(19_000);
            for (int i = 0; i < 200; i++) {
                assertEquals("ack", chair.command(cmd("RecordConclusion").put("itemId", "i-1").put("text", text + i)).getString("type"));
            }
            // its 4008 waits behind what it holds, and it reads nothing: without the cut it stays connected
            // until its kernel stops answering, holding its buffers and its place in the meeting
            waitFor(() -> connections(server) == 1, "the stuck device's connection cut");
            assertEquals("ack", chair.command(cmd("NextItem")).getString("type"), "the meeting goes on");
        } finally {
            LiveSocket.closeGraceMillis = grace;
        }
    }

    /** The live sockets the server counts ({@code phonghop_connections} on /metrics). */
    private static long connections(TestServer server) {
        try {
            for (String line : server.get("/metrics", null).text().split("\n")) {
                if (line.startsWith("phonghop_connections ")) return Long.parseLong(line.substring(line.indexOf(' ') + 1).trim());
            }
            return -1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        Conditions.waitFor(condition, what, java.time.Duration.ofSeconds(60));
    }

    /** A WebSocket client over a plain socket whose receive buffer is 4 KB: it reads only when told to. */
    private static final class RawDevice implements AutoCloseable {
        private final Socket socket = new Socket();
        private final DataInputStream in;
        private final OutputStream out;
        int closeCode = -1;

        RawDevice(int port) throws IOException {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 20_000);
            socket.setSoTimeout(60_000);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            out.write(("GET /live HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            var head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) head.write(in.readUnsignedByte());
            assertTrue(head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101"), head::toString);
        }

        void hello(String token, String meetingId) throws IOException {
            byte[] payload = new JsonObject().put("type", "hello").put("token", token).put("meetingId", meetingId).encode()
                    .getBytes(StandardCharsets.UTF_8);
            var frame = new ByteArrayOutputStream();
            frame.write(0x81);
            if (payload.length < 126) {
                frame.write(0x80 | payload.length);
            } else {
                frame.write(0x80 | 126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length & 0xff);
            }
            byte[] mask = {1, 2, 3, 4};
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) frame.write(payload[i] ^ mask[i % 4]);
            out.write(frame.toByteArray());
        }

        /** The seq of each message read (snapshot, event, events' items), until a close frame. */
        List<Long> readUntilClose() throws IOException {
            var seqs = new ArrayList<Long>();
            var message = new ByteArrayOutputStream();
            while (true) {
                int first = in.readUnsignedByte();
                int opcode = first & 0x0f;
                long length = in.readUnsignedByte() & 0x7f;
                if (length == 126) length = in.readUnsignedShort();
                else if (length == 127) length = in.readLong();
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                if (opcode == 0x8) {
                    closeCode = ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
                    return seqs;
                }
                if (opcode != 0x1 && opcode != 0x0) continue; // pings
                message.write(payload);
                if ((first & 0x80) == 0) continue;
                var json = new JsonObject(message.toString(StandardCharsets.UTF_8));
                message.reset();
                if ("events".equals(json.getString("type"))) {
                    json.getJsonArray("items").forEach(item -> seqs.add(((JsonObject) item).getLong("seq")));
                } else if (json.containsKey("seq") && !"ack".equals(json.getString("type"))) {
                    seqs.add(json.getLong("seq"));
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
