package vn.phonghop.agenda.voting;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts per option key (an answer, a candidate id, a discipline form) and the number of
 * ballots. Holds no voter: it is what may be kept of a secret poll.
 */
public record Tally(Map<String, Integer> counts, int ballots) {
    public static final Tally EMPTY = new Tally(Map.of(), 0);

    public Tally {
        counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    public int count(String key) {
        return counts.getOrDefault(key, 0);
    }

    public Tally plus(Choice choice) {
        var c = new TreeMap<>(counts);
        for (String k : choice.tallyKeys()) c.merge(k, 1, Integer::sum);
        return new Tally(c, ballots + 1);
    }

    public Tally minus(Choice choice) {
        var c = new TreeMap<>(counts);
        for (String k : choice.tallyKeys()) {
            c.merge(k, -1, Integer::sum);
            if (c.get(k) == 0) c.remove(k);
        }
        return new Tally(c, ballots - 1);
    }
}
