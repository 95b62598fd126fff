package vn.phonghop.agenda.items;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One item of the order of business, or a sub-item of one (one level only). Keeps the time
 * actually spent on it and the documents attached to it.
 */
public record AgendaItem(String id, String parentId, String title, int plannedMinutes, int speakingLimitSeconds,
                         List<DocumentRef> documents, ItemStatus status, long spentSeconds, Instant currentSince) {

    public static final int DEFAULT_SPEAKING_LIMIT_SECONDS = 300;

    public AgendaItem {
        documents = List.copyOf(documents);
    }

    public static AgendaItem planned(String id, String parentId, String title, int plannedMinutes) {
        return new AgendaItem(id, parentId, title, plannedMinutes, DEFAULT_SPEAKING_LIMIT_SECONDS,
                List.of(), ItemStatus.PENDING, 0, null);
    }

    public boolean topLevel() {
        return parentId == null;
    }

    public AgendaItem edited(String newTitle, int newPlannedMinutes) {
        return new AgendaItem(id, parentId, newTitle, newPlannedMinutes, speakingLimitSeconds, documents, status,
                spentSeconds, currentSince);
    }

    public AgendaItem withSpeakingLimit(int seconds) {
        return new AgendaItem(id, parentId, title, plannedMinutes, seconds, documents, status, spentSeconds,
                currentSince);
    }

    public AgendaItem withDocument(DocumentRef doc) {
        var docs = new ArrayList<>(documents);
        docs.removeIf(d -> d.id().equals(doc.id()));
        docs.add(doc);
        return new AgendaItem(id, parentId, title, plannedMinutes, speakingLimitSeconds, docs, status, spentSeconds,
                currentSince);
    }

    public AgendaItem withoutDocument(String documentId) {
        var docs = new ArrayList<>(documents);
        docs.removeIf(d -> d.id().equals(documentId));
        return new AgendaItem(id, parentId, title, plannedMinutes, speakingLimitSeconds, docs, status, spentSeconds,
                currentSince);
    }

    public AgendaItem started(Instant at) {
        return new AgendaItem(id, parentId, title, plannedMinutes, speakingLimitSeconds, documents,
                ItemStatus.CURRENT, spentSeconds, at);
    }

    /** Leaves the item, adding the time since it became current to the time spent on it. */
    public AgendaItem left(Instant at) {
        long add = currentSince == null ? 0 : Math.max(0, Duration.between(currentSince, at).getSeconds());
        return new AgendaItem(id, parentId, title, plannedMinutes, speakingLimitSeconds, documents,
                ItemStatus.DONE, spentSeconds + add, null);
    }

    public AgendaItem skipped() {
        return new AgendaItem(id, parentId, title, plannedMinutes, speakingLimitSeconds, documents,
                ItemStatus.SKIPPED, spentSeconds, null);
    }

    public boolean hasDocument(String documentId) {
        return documents.stream().anyMatch(d -> d.id().equals(documentId));
    }
}
