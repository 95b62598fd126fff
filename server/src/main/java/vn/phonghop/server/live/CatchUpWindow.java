package vn.phonghop.server.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last messages of one meeting, kept so that a device that drops for a moment resumes with
 * what it missed instead of a whole snapshot. Bounded by count and by the characters of their
 * texts: a device further behind gets a snapshot, which costs it less than a long replay (a
 * congress's snapshot is ~10 KB on the wire compressed; 150 votes replayed one by one are more)
 * and the server nothing to keep. Kept to 4,096 messages instead, an evening's room of 20 held
 * ~6 MB after an hour (docs/performance.md, change 24). Confined to the meeting's context.
 */
final class CatchUpWindow {
    /** Enough for a device away for a minute or two of an ordinary meeting. */
    static final int MESSAGES = 64;
    /** Characters of all audiences' texts together: ~128 KB of heap per meeting at most. */
    static final int CHARS = 64 * 1024;

    private record Kept(LiveMessage message, int chars) { }

    private final int maxMessages;
    private final int maxChars;
    private final ArrayDeque<Kept> kept = new ArrayDeque<>();
    private int chars;

    CatchUpWindow() {
        this(MESSAGES, CHARS);
    }

    CatchUpWindow(int maxMessages, int maxChars) {
        this.maxMessages = maxMessages;
        this.maxChars = maxChars;
    }

    /** Adds the meeting's next message (seqs ascending), dropping the oldest beyond the bounds. */
    void add(LiveMessage m) {
        int size = 0;
        for (String t : m.texts().values()) if (t != null) size += t.length();
        kept.addLast(new Kept(m, size));
        chars += size;
        while (kept.size() > maxMessages || chars > maxChars) chars -= kept.removeFirst().chars();
    }

    /**
     * The messages after {@code seq} up to the last added, or null when some of them are no longer
     * kept. {@code seq} is before the last added.
     */
    List<LiveMessage> after(long seq) {
        if (kept.isEmpty() || kept.peekFirst().message().seq() > seq + 1) return null;
        var out = new ArrayList<LiveMessage>();
        for (Kept k : kept) if (k.message().seq() > seq) out.add(k.message());
        return out;
    }

    int size() {
        return kept.size();
    }

    void clear() {
        kept.clear();
        chars = 0;
    }
}
