package vn.phonghop.server.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * WebSocket frames as the bytes that go on the wire (RFC 6455 §5.2; a server's frames are not
 * masked), so that the live channel can write them to a socket's Netty channel itself: a frame
 * shared by many sockets is encoded once and each socket writes a view of the same bytes, where
 * Vert.x's {@code writeFrame} makes a frame object, a promise and a queued write per socket and
 * Netty's encoder then copies the payload again for each of them. A message longer than
 * {@link #MAX_FRAME} goes as a first frame and continuation frames, as Vert.x splits it.
 */
final class Wire {
    /** Text and binary opcodes. */
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    private static final int CONTINUATION = 0x0;
    private static final int FIN = 0x80;
    /** The longest frame written: the server's own limit for the frames it reads (HttpVerticle). */
    static final int MAX_FRAME = 256 * 1024;

    private Wire() {
    }

    /** A text message's frames, its UTF-8 written straight into them (the caller owns the buffer). */
    static ByteBuf text(ByteBufAllocator alloc, String text) {
        int length = ByteBufUtil.utf8Bytes(text);
        if (length > MAX_FRAME) {
            return message(alloc, TEXT, Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)));
        }
        ByteBuf out = alloc.directBuffer(length + 4);
        header(out, FIN | TEXT, length);
        ByteBufUtil.reserveAndWriteUtf8(out, text, length);
        return out;
    }

    /** The frames of one message, as one buffer (the caller owns it: write it, or release it). */
    static ByteBuf message(ByteBufAllocator alloc, int opcode, ByteBuf payload) {
        int length = payload.readableBytes();
        int frames = Math.max(1, (length + MAX_FRAME - 1) / MAX_FRAME);
        ByteBuf out = alloc.directBuffer(length + frames * 10);
        int from = payload.readerIndex();
        for (int f = 0; f < frames; f++) {
            int n = Math.min(MAX_FRAME, length - f * MAX_FRAME);
            boolean last = f == frames - 1;
            header(out, (last ? FIN : 0) | (f == 0 ? opcode : CONTINUATION), n);
            out.writeBytes(payload, from + f * MAX_FRAME, n);
        }
        return out;
    }

    private static void header(ByteBuf out, int finAndOpcode, int length) {
        out.writeByte(finAndOpcode);
        if (length < 126) {
            out.writeByte(length);
        } else if (length <= 0xFFFF) {
            out.writeByte(126).writeShort(length);
        } else {
            out.writeByte(127).writeLong(length);
        }
    }
}
