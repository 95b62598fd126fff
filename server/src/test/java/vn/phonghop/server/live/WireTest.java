package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The frames the live channel writes itself, read back by Netty's own client-side decoder. */
class WireTest {
    private static final UnpooledByteBufAllocator ALLOC = new UnpooledByteBufAllocator(false);

    /** The frames in these bytes, as a WebSocket client reads them (server frames are not masked). */
    private static List<WebSocketFrame> read(ByteBuf bytes) {
        var channel = new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, Wire.MAX_FRAME));
        channel.writeInbound(bytes);
        var frames = new ArrayList<WebSocketFrame>();
        for (Object f; (f = channel.readInbound()) != null; ) frames.add((WebSocketFrame) f);
        channel.finishAndReleaseAll();
        return frames;
    }

    private static byte[] bytes(WebSocketFrame f) {
        var out = new byte[f.content().readableBytes()];
        f.content().getBytes(f.content().readerIndex(), out);
        return out;
    }

    @Test
    @DisplayName("Texts of every length form (7-bit, 16-bit, 64-bit) read back whole, Vietnamese included")
    void texts() {
        for (int chars : new int[] {0, 1, 40, 125, 126, 200, 65_535, 65_536, 100_000}) {
            String text = "Nghị quyết: " + "ư".repeat(chars);
            var frames = read(Wire.text(ALLOC, text));
            assertEquals(1, frames.size(), () -> chars + " chars");
            var frame = (TextWebSocketFrame) frames.get(0);
            assertTrue(frame.isFinalFragment());
            assertEquals(0, frame.rsv(), "uncompressed");
            assertEquals(text, frame.text());
            frame.release();
        }
    }

    @Test
    @DisplayName("A text with a broken surrogate pair (it can come from a device) still makes a well-formed frame, as Java's own encoder writes it")
    void lone_surrogates() {
        String text = "Ý kiến \uD83D của \uDE00 đồng chí 😀";
        var frames = read(Wire.text(ALLOC, text));
        assertEquals(1, frames.size());
        assertEquals(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), ((TextWebSocketFrame) frames.get(0)).text());
        frames.get(0).release();
    }

    @Test
    @DisplayName("A message longer than a frame goes as a first frame and continuations, which join to the message")
    void long_messages_are_fragmented() {
        String text = "Biên bản " + "đ".repeat(Wire.MAX_FRAME); // ~2 bytes a character: three frames
        var frames = read(Wire.text(ALLOC, text));
        assertEquals(3, frames.size());
        assertTrue(frames.get(0) instanceof TextWebSocketFrame);
        assertTrue(frames.get(1) instanceof ContinuationWebSocketFrame);
        assertTrue(frames.get(2) instanceof ContinuationWebSocketFrame);
        assertFalse(frames.get(0).isFinalFragment());
        assertFalse(frames.get(1).isFinalFragment());
        assertTrue(frames.get(2).isFinalFragment());
        var whole = new ByteArrayOutputStream();
        for (var f : frames) {
            assertTrue(f.content().readableBytes() <= Wire.MAX_FRAME);
            whole.writeBytes(bytes(f));
            f.release();
        }
        assertEquals(text, whole.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("Binary messages (a deflated snapshot) keep their bytes")
    void binary() {
        byte[] data = new byte[70_000];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 31);
        var frames = read(Wire.message(ALLOC, Wire.BINARY, Unpooled.wrappedBuffer(data)));
        assertEquals(1, frames.size());
        assertTrue(frames.get(0) instanceof BinaryWebSocketFrame);
        assertEquals(java.util.Arrays.toString(data), java.util.Arrays.toString(bytes(frames.get(0))));
        frames.get(0).release();
    }
}
