package vn.phonghop.agenda.voting;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who has voted in a poll: an immutable set of member ids, iterated in sorted order, that grows by
 * one without copying. The versions of a poll share one append-only log of ids; a version is the
 * log's first {@code size} entries. Adding to the newest version appends; adding the id that
 * already follows a version in the log (the durable state replaying what the decided state did a
 * moment earlier) shares it too; only a version that grows differently gets a log of its own.
 * A poll of 1,500 votes was 1,500 copies of a growing tree (quadratic); it is now 1,500 appends.
 *
 * <p>The log is shared between immutable values that may be read from several threads, so it is
 * only touched under its own lock.
 */
final class VoterSet extends AbstractSet<String> {
    private static final class Log {
        final List<String> ids = new ArrayList<>();
        final Map<String, Integer> position = new HashMap<>();

        void append(String id) {
            position.put(id, ids.size());
            ids.add(id);
        }
    }

    private final Log log;
    private final int size;

    private VoterSet(Log log, int size) {
        this.log = log;
        this.size = size;
    }

    /** These ids (a set made elsewhere is copied, once). */
    static VoterSet of(Collection<String> ids) {
        if (ids instanceof VoterSet v) return v;
        var log = new Log();
        for (String id : new TreeSet<>(ids)) log.append(id);
        return new VoterSet(log, log.ids.size());
    }

    /** This set and {@code id}. */
    VoterSet with(String id) {
        List<String> prefix;
        synchronized (log) {
            Integer at = log.position.get(id);
            if (at != null && at < size) return this;
            if (log.ids.size() == size) {
                log.append(id);
                return new VoterSet(log, size + 1);
            }
            if (log.ids.get(size).equals(id)) return new VoterSet(log, size + 1);
            prefix = new ArrayList<>(log.ids.subList(0, size));
        }
        // another version already grew from this one differently: this one gets a log of its own
        var own = new Log();
        for (String p : prefix) own.append(p);
        own.append(id);
        return new VoterSet(own, size + 1);
    }

    /**
     * Who is in {@code now} and not in {@code before}, sorted, when {@code before} is a subset of
     * {@code now}; null when it is not (someone left). Two versions of one log cost the difference;
     * others a pass over both.
     */
    static java.util.List<String> added(Set<String> before, Set<String> now) {
        if (before instanceof VoterSet b && now instanceof VoterSet n && b.log == n.log && b.size <= n.size) {
            List<String> out;
            synchronized (n.log) {
                out = new ArrayList<>(n.log.ids.subList(b.size, n.size));
            }
            Collections.sort(out);
            return out;
        }
        if (!now.containsAll(before)) return null;
        var out = new ArrayList<String>();
        for (String id : now) if (!before.contains(id)) out.add(id);
        Collections.sort(out);
        return out;
    }

    @Override
    public boolean contains(Object o) {
        synchronized (log) {
            Integer at = log.position.get(o);
            return at != null && at < size;
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<String> iterator() {
        List<String> ids;
        synchronized (log) {
            ids = new ArrayList<>(log.ids.subList(0, size));
        }
        Collections.sort(ids);
        return Collections.unmodifiableList(ids).iterator();
    }
}
