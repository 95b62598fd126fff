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
     *
     * <p>Votes that an audience sees only as "one more has voted" ({@code VoteCounted} of one poll)
     * are folded: a row of them goes as one item, the last one's, whose patch replaces every slice
     * the row changed, with {@code fromSeq} (the row's first seq) and {@code firstAt} (its first
     * event's time). A tablet applies it as the events fromSeq…seq; 1,500 votes in a second are
     * then a few dozen items per tablet instead of 1,500. The console sees who voted, so its events
     * are never folded.
     *
     * <p>The console's items keep their events, but an item's patch is left out (sent empty) when
     * later items of the same frame replace every slice it replaces. (When each of the console's
     * votes carried the poll's row with its whole list of voters, a tick of 100 single votes was 100
     * copies of a growing list: 574 KB frames at 1,500 members. The rows of votes now carry only
     * {@code votersAdded}, which neither replaces nor is replaced; the rule still spares the
     * console rows and poll lists sent whole.)
     */
    static SharedFrame of(java.util.List<LiveMessage> batch, Audience audience) {
        if (batch.size() == 1) {
            String t = batch.get(0).textFor(audience);
            return t == null ? null : new SharedFrame(t);
        }
        var items = new Items(batch.size(), audience);
        var row = new java.util.ArrayList<LiveMessage>();
        for (LiveMessage m : batch) {
            String t = m.textFor(audience);
            if (t == null) continue;
            LiveMessage.Counted c = m.countedFor(audience);
            if (c != null && (row.isEmpty() || row.get(0).countedFor(audience).pollId().equals(c.pollId()))) {
                row.add(m);
                continue;
            }
            items.votes(row, audience);
            if (c != null) row.add(m);
            else items.add(m, t);
        }
        items.votes(row, audience);
        return items.frame();
    }

    private static final String EVENT_PREFIX = "{\"type\":\"event\",";

    /**
     * An item of a frame: its text, the message whose patch may be left out ({@code null}: never),
     * and the slices its patch replaces whole.
     */
    private record Item(String text, LiveMessage cuttable, java.util.Set<String> replaces) { }

    /** The items of an events frame as they are added. */
    private static final class Items {
        private final java.util.List<Item> items;
        private final Audience audience;
        /** Whether some item's patch may be left out: else the frame is its items as they came. */
        private boolean cuttable;

        Items(int size, Audience audience) {
            items = new java.util.ArrayList<>(size);
            this.audience = audience;
        }

        void add(LiveMessage m, String text) {
            LiveMessage.Patch p = m.patches().get(audience);
            boolean cut = audience == Audience.CONSOLE && p != null;
            cuttable |= cut;
            items.add(new Item(text, cut ? m : null, p == null ? java.util.Set.of() : p.slices()));
        }

        /**
         * Votes of one poll in a row, in as few items as they fold into: an item is the longest
         * prefix whose last event's patch replaces every slice the prefix's patches changed; what
         * is left is folded the same way. Empties {@code row}.
         */
        void votes(java.util.List<LiveMessage> row, Audience audience) {
            int from = 0;
            while (from < row.size()) {
                var changed = new java.util.HashSet<String>();
                int cut = from;
                for (int i = from; i < row.size(); i++) {
                    var slices = row.get(i).countedFor(audience).patchSlices();
                    changed.addAll(slices);
                    if (slices.containsAll(changed)) cut = i;
                }
                fold(row.get(from), row.get(cut), audience);
                from = cut + 1;
            }
            row.clear();
        }

        /** The events first…last as one item: the last one's text, saying which seqs it stands for. */
        private void fold(LiveMessage first, LiveMessage last, Audience audience) {
            String t = last.textFor(audience);
            var replaces = last.countedFor(audience).patchSlices();
            if (first == last || !t.startsWith(EVENT_PREFIX)) {
                items.add(new Item(t, null, replaces));
                return;
            }
            items.add(new Item(EVENT_PREFIX + "\"fromSeq\":" + first.seq() + ",\"firstAt\":\"" + first.countedFor(audience).at()
                    + "\"," + t.substring(EVENT_PREFIX.length()), null, replaces));
        }

        SharedFrame frame() {
            if (items.isEmpty()) return null;
            var texts = new String[items.size()];
            if (cuttable) {
                // from the last item back: what the items after this one replace whole
                var later = new java.util.HashSet<String>();
                for (int i = items.size() - 1; i >= 0; i--) {
                    Item item = items.get(i);
                    boolean replaced = item.cuttable() != null && replacedByLater(item.replaces(), later);
                    texts[i] = replaced ? item.cuttable().textWithoutPatch(audience) : item.text();
                    later.addAll(item.replaces());
                }
            } else {
                for (int i = 0; i < texts.length; i++) texts[i] = items.get(i).text();
            }
            int size = 32;
            for (String t : texts) size += t.length() + 1;
            var out = new StringBuilder(size).append("{\"type\":\"events\",\"items\":[");
            for (int i = 0; i < texts.length; i++) {
                if (i > 0) out.append(',');
                out.append(texts[i]);
            }
            return new SharedFrame(out.append("]}").toString());
        }

        /** Whether every slice in {@code slices} is replaced by the later items' {@code later} (the poll list replaces its rows). */
        private static boolean replacedByLater(java.util.Set<String> slices, java.util.Set<String> later) {
            for (String s : slices) {
                if (!later.contains(s) && !(s.startsWith("pollRows:") && later.contains("polls"))) return false;
            }
            return true;
        }
    }
}
