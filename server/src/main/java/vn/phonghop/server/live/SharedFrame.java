package vn.phonghop.server.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.websocket.WebSocketFrameImpl;
import java.nio.charset.StandardCharsets;

/**
 * A text frame encoded to UTF-8 once and written, as the same bytes, to many sockets. Vert.x's
 * public API encodes a text message per socket ({@code writeTextMessage}); with Vietnamese text
 * that is a UTF-16 → UTF-8 pass for each of 1,500 tablets. Each write gets its own view of the
 * shared bytes (a duplicate: independent indices, no copy); Vert.x marks them unreleasable, so the
 * bytes stay valid until the last socket has written them and the garbage collector takes them.
 *
 * <p>This leans on one Vert.x internal ({@code WebSocketFrameImpl}'s ByteBuf constructor, in
 * Vert.x 5.1); {@code LiveProtocolTest} and the browser tests would fail if it stopped working.
 */
final class SharedFrame {
    private final String text;
    private final ByteBuf bytes;

    SharedFrame(String text) {
        this.text = text;
        this.bytes = Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
    }

    String text() {
        return text;
    }

    int size() {
        return bytes.readableBytes();
    }

    Future<Void> writeTo(ServerWebSocket ws) {
        return ws.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, bytes.duplicate(), true));
    }

    /**
     * The frame that carries the events of one durable batch to one audience: the event itself when
     * there is one, else {@code {"type":"events","items":[…]}} with the events in seq order.
     */
    static SharedFrame of(java.util.List<LiveMessage> batch, Audience audience) {
        if (batch.size() == 1) {
            String t = batch.get(0).textFor(audience);
            return t == null ? null : new SharedFrame(t);
        }
        var out = new StringBuilder(64 + batch.size() * 256).append("{\"type\":\"events\",\"items\":[");
        boolean first = true;
        for (LiveMessage m : batch) {
            String t = m.textFor(audience);
            if (t == null) continue;
            if (!first) out.append(',');
            out.append(t);
            first = false;
        }
        return first ? null : new SharedFrame(out.append("]}").toString());
    }
}
