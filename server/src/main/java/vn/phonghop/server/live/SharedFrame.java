package vn.phonghop.server.live;

import io.netty.buffer.ByteBuf;

/**
 * A text message encoded once, as the bytes of its WebSocket frame, and written as those same bytes
 * to many sockets ({@link SocketOut}): each write takes a retained view of them (independent
 * indices, no copy), and the socket's channel releases its view once written. Vert.x's own write
 * path makes, per socket, a frame object, a promise and a queued write, and Netty's encoder then
 * copies the payload into a new buffer behind a new header: in a fan-out to 10,000 tablets that
 * was about a fifth of the server's CPU per message (docs/performance.md, change 26).
 *
 * <p>The bytes are made at the first write, from that socket's allocator (a pooled direct buffer,
 * which the kernel reads without a further copy), and given back by {@link #release()} once every
 * socket has written: the hub that made the frame releases it after its loop.
 */
final class SharedFrame {
    private final String text;
    private ByteBuf wire;

    SharedFrame(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** Writes the frame to this socket: a view of the shared bytes, made on the first write. */
    void writeTo(SocketOut out) {
        if (wire == null) {
            wire = Wire.text(out.alloc(), text);
        }
        out.write(wire.retainedDuplicate());
    }

    /** Gives the bytes back (each socket still holds its own view until it has written them). */
    void release() {
        if (wire != null) {
            wire.release();
            wire = null;
        }
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
