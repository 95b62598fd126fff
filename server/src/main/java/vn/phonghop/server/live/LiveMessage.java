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
 *
 * <p>{@code patches} says, per audience, where the text's patch starts and which slices it replaces
 * whole, so that a frame can leave out a patch that a later item of the same frame replaces
 * entirely (see {@link SharedFrame#of}); an audience without an entry keeps its patch.
 */
public record LiveMessage(String meetingId, long seq, Map<Audience, String> texts, long durableNanos,
                          Map<Audience, Counted> counted, Map<Audience, Patch> patches) {
    /** A vote as an audience sees it: the poll, the event's time, the slices its patch replaces. */
    public record Counted(String pollId, String at, Set<String> patchSlices) { }

    /**
     * The patch of a text: {@code at} is where {@code ,"patch":} begins (the patch is the text's last
     * field), {@code slices} what it replaces whole, as {@link ViewTracker#replacedSlices} names them.
     */
    public record Patch(int at, Set<String> slices) { }

    public LiveMessage {
        texts = new EnumMap<>(texts);
        counted = counted.isEmpty() ? Map.of() : new EnumMap<>(counted);
        patches = patches.isEmpty() ? Map.of() : new EnumMap<>(patches);
    }

    public LiveMessage(String meetingId, long seq, Map<Audience, String> texts, Map<Audience, Counted> counted,
                       Map<Audience, Patch> patches) {
        this(meetingId, seq, texts, System.nanoTime(), counted, patches);
    }

    public LiveMessage(String meetingId, long seq, Map<Audience, String> texts, Map<Audience, Counted> counted) {
        this(meetingId, seq, texts, System.nanoTime(), counted, Map.of());
    }

    public LiveMessage(String meetingId, long seq, Map<Audience, String> texts) {
        this(meetingId, seq, texts, System.nanoTime(), Map.of(), Map.of());
    }

    /** The text for {@code a} with an empty patch in place of its own (only where {@link #patches} knows where it is). */
    String textWithoutPatch(Audience a) {
        Patch p = patches.get(a);
        return p == null ? texts.get(a) : texts.get(a).substring(0, p.at()) + ",\"patch\":{}}";
    }

    public String textFor(Audience a) {
        return texts.get(a);
    }

    public Counted countedFor(Audience a) {
        return counted.get(a);
    }
}
