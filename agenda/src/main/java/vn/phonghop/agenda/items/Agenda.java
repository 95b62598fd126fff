package vn.phonghop.agenda.items;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The ordered agenda: items in reading order, each top-level item followed by its sub-items,
 * and the item currently under discussion.
 */
public record Agenda(List<AgendaItem> items, String currentItemId) {
    public static final Agenda EMPTY = new Agenda(List.of(), null);

    public Agenda {
        items = List.copyOf(items);
    }

    public Optional<AgendaItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Optional<AgendaItem> current() {
        return currentItemId == null ? Optional.empty() : item(currentItemId);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<AgendaItem> childrenOf(String parentId) {
        return items.stream().filter(i -> parentId.equals(i.parentId())).toList();
    }

    public List<AgendaItem> topLevel() {
        return items.stream().filter(AgendaItem::topLevel).toList();
    }

    /** "1", "2", "2.1": the number an item is printed with. */
    public String numberOf(String id) {
        var item = item(id).orElseThrow();
        var tops = topLevel();
        if (item.topLevel()) return String.valueOf(indexOfId(tops, id) + 1);
        return numberOf(item.parentId()) + "." + (indexOfId(childrenOf(item.parentId()), id) + 1);
    }

    /** The next item after the current one (or the first) that was not skipped. */
    public Optional<AgendaItem> next() {
        int from = currentItemId == null ? -1 : indexOfId(items, currentItemId);
        for (int i = from + 1; i < items.size(); i++) {
            if (items.get(i).status() != ItemStatus.SKIPPED) return Optional.of(items.get(i));
        }
        return Optional.empty();
    }

    public Optional<AgendaItem> previous() {
        if (currentItemId == null) return Optional.empty();
        for (int i = indexOfId(items, currentItemId) - 1; i >= 0; i--) {
            if (items.get(i).status() != ItemStatus.SKIPPED) return Optional.of(items.get(i));
        }
        return Optional.empty();
    }

    public Agenda withAdded(AgendaItem added) {
        var list = new ArrayList<>(items);
        if (added.topLevel()) {
            list.add(added);
        } else {
            // a sub-item goes after its parent's last sub-item
            int at = indexOfId(list, added.parentId()) + 1;
            while (at < list.size() && added.parentId().equals(list.get(at).parentId())) at++;
            list.add(at, added);
        }
        return new Agenda(list, currentItemId);
    }

    public Agenda withRemoved(String id) {
        var list = new ArrayList<>(items);
        list.removeIf(i -> i.id().equals(id) || id.equals(i.parentId()));
        return new Agenda(list, currentItemId);
    }

    public Agenda withChanged(String id, UnaryOperator<AgendaItem> change) {
        var list = new ArrayList<AgendaItem>(items.size());
        for (var i : items) list.add(i.id().equals(id) ? change.apply(i) : i);
        return new Agenda(list, currentItemId);
    }

    public Agenda withCurrent(String id) {
        return new Agenda(items, id);
    }

    /** Moves an item to a new position among its siblings; a top-level item moves with its sub-items. */
    public Agenda withMoved(String id, int newIndex) {
        var item = item(id).orElseThrow();
        var siblings = new ArrayList<>(item.topLevel() ? topLevel() : childrenOf(item.parentId()));
        siblings.removeIf(s -> s.id().equals(id));
        siblings.add(Math.max(0, Math.min(newIndex, siblings.size())), item);
        var list = new ArrayList<AgendaItem>(items.size());
        if (item.topLevel()) {
            for (var top : siblings) {
                list.add(top);
                list.addAll(childrenOf(top.id()));
            }
        } else {
            var it = siblings.iterator();
            for (var i : items) list.add(item.parentId().equals(i.parentId()) ? it.next() : i);
        }
        return new Agenda(list, currentItemId);
    }

    public int siblingCount(String id) {
        var item = item(id).orElseThrow();
        return (item.topLevel() ? topLevel() : childrenOf(item.parentId())).size();
    }

    public Agenda leaveCurrent(Instant at) {
        return currentItemId == null ? this : withChanged(currentItemId, i -> i.left(at)).withCurrent(null);
    }

    private static int indexOfId(List<AgendaItem> list, String id) {
        for (int i = 0; i < list.size(); i++) if (list.get(i).id().equals(id)) return i;
        return -1;
    }
}
