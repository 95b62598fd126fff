package vn.phonghop.server.live;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * One event as each audience receives it, already serialized: the same string goes to every
 * socket of an audience. A null text means the audience is not told of this event.
 *
 * <p>{@code counted} marks the audiences for which the event is only "one more has voted"
 * ({@code VoteCounted}) and says which slices its patch carries: a frame may fold a run of those
 * into its last one (see {@link SharedFrame#of}).
 */
public record LiveMessage(String meetingId, long seq, Map<Audience, String> texts, long durableNanos,
                          Map<Audience, Counted> counted) {
    /** A vote as an audience sees it: the poll, the event's time, the slices its patch replaces. */
    public record Counted(String pollId, String at, Set<String> patchSlices) { }

    public LiveMessage {
        texts = new EnumMap<>(texts);
        counted = counted.isEmpty() ? Map.of() : new EnumMap<>(counted);
    }

    public LiveMessage(String meetingId, long seq, Map<Audience, String> texts, Map<Audience, Counted> counted) {
        this(meetingId, seq, texts, System.nanoTime(), counted);
    }

    public LiveMessage(String meetingId, long seq, Map<Audience, String> texts) {
        this(meetingId, seq, texts, System.nanoTime(), Map.of());
    }

    public String textFor(Audience a) {
        return texts.get(a);
    }

    public Counted countedFor(Audience a) {
        return counted.get(a);
    }
}
