package vn.phonghop.server.live;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;

/**
 * The commands a meeting answered in the last minutes, by id, so that a command sent again (a
 * tablet re-sends what it had no answer to when it reconnects) gets the same ack without being
 * decided twice. Only the last {@link #KEPT}: kept for the meeting's life, the ids grew by ~255
 * bytes a command, a node's heap by ~0.24 MB a second at one command a room a second in 900 rooms
 * (docs/performance.md, change 25). An older replay is still applied once and answered with its
 * ack: the rules refuse most (already checked in, already voted), and then the runtime asks the
 * store for the ack; one they would accept again, the store refuses by its id and answers with the
 * ack it stored ({@code AppendResult.Duplicate}), at the price of rebuilding the meeting.
 * Confined to the meeting's context.
 */
final class AnsweredCommands {
    /**
     * Far longer than a tablet takes to reconnect and re-send (seconds). Five minutes were ~2.3 KB of
     * heap per tablet at one command a room a second (docs/performance.md, change 27).
     */
    static final Duration KEPT = Duration.ofMinutes(2);

    private record Answer(long seq, long atMillis) { }

    private final long keptMillis;
    /** In the order answered, which is the order of their times to within a command's decision. */
    private final LinkedHashMap<String, Answer> byId = new LinkedHashMap<>();
    /** Whether an answer was ever dropped, or the meeting was rebuilt (which keeps only the last minutes). */
    private boolean forgot;

    AnsweredCommands() {
        this(KEPT);
    }

    AnsweredCommands(Duration kept) {
        this.keptMillis = kept.toMillis();
    }

    /** Remembers the ack (its seq) given at {@code at}, and forgets those given more than {@link #KEPT} before. */
    void put(String commandId, long seq, Instant at) {
        long now = at.toEpochMilli();
        byId.put(commandId, new Answer(seq, now));
        var oldest = byId.values().iterator();
        while (oldest.hasNext() && oldest.next().atMillis() < now - keptMillis) {
            oldest.remove();
            forgot = true;
        }
    }

    /** Whether a command not remembered may still have been answered: then only the store knows. */
    boolean mayHaveForgotten() {
        return forgot;
    }

    /** The seq of the ack this command got, or -1 when it is not remembered. */
    long seqOf(String commandId) {
        Answer a = byId.get(commandId);
        return a == null ? -1 : a.seq();
    }

    int size() {
        return byId.size();
    }

    /** Forgets everything: the meeting is rebuilt from the store, which keeps every answer. */
    void clear() {
        byId.clear();
        forgot = true;
    }
}
