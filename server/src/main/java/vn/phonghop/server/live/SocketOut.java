package vn.phonghop.server.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.VoidChannelPromise;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;

/**
 * What a live socket sends, written as WebSocket frames ({@link Wire}) straight to the socket's
 * Netty channel, in the order sent. Every data message of the live channel goes this way, so none
 * can overtake another; Vert.x still writes the control frames it answers itself (pong, close) and
 * the heartbeat's pings, whose order among the messages does not matter.
 *
 * <p>The channel's write buffer is bounded by its water marks ({@code setWriteQueueMaxSize}): a
 * socket whose unsent bytes stay over them is {@link #tooSlow()}, with room for the last snapshot
 * it was sent (a snapshot alone may be larger than the bound). Confined to the socket's event loop.
 *
 * <p>Leans on one Vert.x internal ({@code WebSocketInternal.channelHandlerContext()}, Vert.x 5.1);
 * every live test would fail if it stopped working. Frames written below Vert.x's WebSocket encoder
 * pass it untouched; were WebSocket compression ever accepted, they would go uncompressed, which
 * permessage-deflate allows (RSV1 clear).
 */
final class SocketOut {
    private final ChannelHandlerContext ctx;
    private final VoidChannelPromise noAnswer;
    /** Unsent bytes allowed past the low water mark before the socket counts as too slow. */
    private long allowance;

    SocketOut(ServerWebSocket ws) {
        this.ctx = ((WebSocketInternal) ws).channelHandlerContext();
        this.noAnswer = new VoidChannelPromise(ctx.channel(), false);
    }

    ByteBufAllocator alloc() {
        return ctx.alloc();
    }

    void text(String text) {
        write(Wire.text(ctx.alloc(), text));
    }

    /** A snapshot as text. */
    void snapshot(String text) {
        snapshot(Wire.text(ctx.alloc(), text));
    }

    /** A snapshot as raw DEFLATE in one binary message. */
    void snapshot(byte[] deflated) {
        snapshot(Wire.message(ctx.alloc(), Wire.BINARY, Unpooled.wrappedBuffer(deflated)));
    }

    /** The socket may hold a snapshot whole, on top of its usual bound, without counting as slow. */
    private void snapshot(ByteBuf frame) {
        allowance = frame.readableBytes();
        write(frame);
    }

    /** Writes and flushes frames this socket now owns (the channel releases them once written). */
    void write(ByteBuf frames) {
        ctx.writeAndFlush(frames, noAnswer);
    }

    /**
     * Cuts the connection now, for a device that would not take its close frame: what the socket
     * holds unsent is dropped, and with no linger the kernel resets the connection instead of
     * keeping those bytes for a device that does not read.
     */
    void cut() {
        ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        // closed from here towards the network: through the channel's own close, Vert.x's handler would
        // turn it into its close handshake, which waits for the very frame that cannot go out
        ctx.close();
    }

    /** Whether more is waiting to be sent than the socket's bound (plus its snapshot) allows. */
    boolean tooSlow() {
        return ctx.channel().bytesBeforeWritable() > allowance;
    }
}
