package vn.phonghop.agenda.voting;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who chose what in an open poll (show of hands, party card): an immutable map from member id to
 * choice, iterated in sorted order, that takes one vote more without copying. As {@link VoterSet}
 * does for who has voted, the versions of a poll share one append-only log, here of (voter,
 * choice); a version is the log's first {@code size} entries, and a voter's choice in it is their
 * last entry there (a poll may let a member change their vote). Adding to the newest version
 * appends; adding the entry that already follows a version (the durable state replaying what the
 * decided state did a moment earlier) shares it; only a version that grows differently gets a log
 * of its own. A show of hands of 1,500 was 1,500 × 4 copies of a growing tree (quadratic, twice
 * per vote in each of the decided and the durable state); it is now 1,500 appends.
 *
 * <p>The log is shared between immutable values that may be read from several threads, so it is
 * only touched under its own lock.
 */
final class ChoiceMap extends AbstractMap<String, Choice> {
    private static final class Log {
        final List<String> voters = new ArrayList<>();
        final List<Choice> choices = new ArrayList<>();
        /** Each voter's positions in the log, ascending (one, unless they changed their vote). */
        final Map<String, int[]> positions = new HashMap<>();

        void append(String voter, Choice choice) {
            int at = voters.size();
            voters.add(voter);
            choices.add(choice);
            positions.merge(voter, new int[] {at}, (was, one) -> {
                int[] more = Arrays.copyOf(was, was.length + 1);
                more[was.length] = at;
                return more;
            });
        }

        /** The voter's choice among the first {@code size} entries: their last one there, or null. */
        Choice choiceOf(Object voter, int size) {
            int[] at = positions.get(voter);
            if (at == null) return null;
            for (int i = at.length - 1; i >= 0; i--) if (at[i] < size) return choices.get(at[i]);
            return null;
        }
    }

    private final Log log;
    /** The log's entries this version holds. */
    private final int size;
    /** The distinct voters among them. */
    private final int voters;

    private ChoiceMap(Log log, int size, int voters) {
        this.log = log;
        this.size = size;
        this.voters = voters;
    }

    /** These choices (a map made elsewhere is copied, once). */
    static ChoiceMap of(Map<String, Choice> choices) {
        if (choices instanceof ChoiceMap c) return c;
        var log = new Log();
        for (var e : new TreeMap<>(choices).entrySet()) log.append(e.getKey(), Objects.requireNonNull(e.getValue(), "choice"));
        return new ChoiceMap(log, log.voters.size(), log.voters.size());
    }

    /** This map with {@code voter}'s choice now {@code choice}. */
    ChoiceMap with(String voter, Choice choice) {
        Objects.requireNonNull(voter, "voter");
        Objects.requireNonNull(choice, "choice");
        List<String> priorVoters;
        List<Choice> priorChoices;
        int count;
        synchronized (log) {
            count = log.choiceOf(voter, size) == null ? voters + 1 : voters;
            if (log.voters.size() == size) {
                log.append(voter, choice);
                return new ChoiceMap(log, size + 1, count);
            }
            if (log.voters.get(size).equals(voter) && log.choices.get(size).equals(choice)) {
                return new ChoiceMap(log, size + 1, count);
            }
            priorVoters = new ArrayList<>(log.voters.subList(0, size));
            priorChoices = new ArrayList<>(log.choices.subList(0, size));
        }
        // another version already grew from this one differently: this one gets a log of its own
        var own = new Log();
        for (int i = 0; i < size; i++) own.append(priorVoters.get(i), priorChoices.get(i));
        own.append(voter, choice);
        return new ChoiceMap(own, size + 1, count);
    }

    @Override
    public Choice get(Object voter) {
        synchronized (log) {
            return log.choiceOf(voter, size);
        }
    }

    @Override
    public boolean containsKey(Object voter) {
        return get(voter) != null;
    }

    @Override
    public int size() {
        return voters;
    }

    /** Each voter's last choice in this version, sorted by voter (built when asked: closing, the minutes). */
    @Override
    public Set<Entry<String, Choice>> entrySet() {
        var sorted = new TreeMap<String, Choice>();
        synchronized (log) {
            for (int i = 0; i < size; i++) sorted.put(log.voters.get(i), log.choices.get(i));
        }
        return Collections.unmodifiableMap(sorted).entrySet();
    }
}
