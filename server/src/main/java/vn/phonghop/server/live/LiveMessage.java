package vn.phonghop.server.live;

import java.util.EnumMap;
import java.util.Map;

/**
 * One event as each audience receives it, already serialized: the same string goes to every
 * socket of an audience. A null text means the audience is not told of this event.
 */
public record LiveMessage(String meetingId, long seq, Map<Audience, String> texts, long durableNanos) {
    public LiveMessage {
        texts = new EnumMap<>(texts);
    }

    public LiveMessage(String meetingId, long seq, Map<Audience, String> texts) {
        this(meetingId, seq, texts, System.nanoTime());
    }

    public String textFor(Audience a) {
        return texts.get(a);
    }
}
