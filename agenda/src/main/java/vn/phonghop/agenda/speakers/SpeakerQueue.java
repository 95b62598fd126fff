package vn.phonghop.agenda.speakers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The queue of one agenda item: who waits, who speaks now, who has spoken. */
public record SpeakerQueue(List<FloorRequest> waiting, Speech current, List<FinishedSpeech> finished) {
    public static final SpeakerQueue EMPTY = new SpeakerQueue(List.of(), null, List.of());

    public SpeakerQueue {
        waiting = List.copyOf(waiting);
        finished = List.copyOf(finished);
    }

    public boolean isWaiting(String personId) {
        return waiting.stream().anyMatch(r -> r.personId().equals(personId));
    }

    /** 1-based place in the queue. */
    public Optional<Integer> placeOf(String personId) {
        for (int i = 0; i < waiting.size(); i++) if (waiting.get(i).personId().equals(personId)) return Optional.of(i + 1);
        return Optional.empty();
    }

    public boolean speaking(String personId) {
        return current != null && current.personId().equals(personId);
    }

    /** Points of order go after earlier points of order and ahead of every ordinary request. */
    public SpeakerQueue withRequest(FloorRequest r) {
        var list = new ArrayList<>(waiting);
        if (r.pointOfOrder()) {
            int at = 0;
            while (at < list.size() && list.get(at).pointOfOrder()) at++;
            list.add(at, r);
        } else {
            list.add(r);
        }
        return new SpeakerQueue(list, current, finished);
    }

    public SpeakerQueue without(String personId) {
        var list = new ArrayList<>(waiting);
        list.removeIf(r -> r.personId().equals(personId));
        return new SpeakerQueue(list, current, finished);
    }

    public SpeakerQueue withMoved(String personId, int newIndex) {
        var r = waiting.stream().filter(w -> w.personId().equals(personId)).findFirst().orElseThrow();
        var list = new ArrayList<>(waiting);
        list.remove(r);
        list.add(Math.max(0, Math.min(newIndex, list.size())), r);
        return new SpeakerQueue(list, current, finished);
    }

    public SpeakerQueue withSpeech(Speech s) {
        return new SpeakerQueue(waiting, s, finished).without(s.personId());
    }

    public SpeakerQueue withCurrent(Speech s) {
        return new SpeakerQueue(waiting, s, finished);
    }

    public SpeakerQueue withFinished(FinishedSpeech f) {
        var list = new ArrayList<>(finished);
        list.add(f);
        return new SpeakerQueue(waiting, null, list);
    }
}
