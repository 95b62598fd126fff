package vn.phonghop.server.archive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.phonghop.agenda.minutes.MinutesRecord;
import vn.phonghop.agenda.minutes.MinutesRecord.ItemSection;
import vn.phonghop.agenda.minutes.MinutesRecord.RemarkLine;

/**
 * A correction of filed minutes: why, and which remarks now read differently. The meeting's log
 * stays as it was (an archived meeting takes no commands); a correction is applied to the record
 * made from the log, and the new version carries a closing note naming the version it corrects.
 *
 * @param remarks the changed remarks, each by its item's number and its place among that item's
 *                remarks in the record (0 first), as {@code GET /api/archive/{id}/record} shows them
 */
public record Correction(String reason, List<RemarkChange> remarks) {
    static final int MAX_REASON = 1000;
    static final int MAX_TEXT = 5000;

    public record RemarkChange(String itemNumber, int index, String text) {
    }

    public Correction {
        remarks = List.copyOf(remarks);
    }

    /** Reads a request body; a malformed one is an {@link IllegalArgumentException} with what is wrong. */
    public static Correction fromJson(JsonObject body) {
        if (body == null) throw new IllegalArgumentException("a JSON body {reason, remarks} is required");
        String reason = text(body.getValue("reason"), "reason", MAX_REASON);
        var changes = new ArrayList<RemarkChange>();
        Object list = body.getValue("remarks");
        if (list != null && !(list instanceof JsonArray)) throw new IllegalArgumentException("remarks must be an array");
        if (list != null) {
            for (Object o : (JsonArray) list) {
                if (!(o instanceof JsonObject r)) throw new IllegalArgumentException("each remark change is an object");
                String item = text(r.getValue("itemNumber"), "remarks[].itemNumber", 20);
                if (!(r.getValue("index") instanceof Integer index) || index < 0) {
                    throw new IllegalArgumentException("remarks[].index must be a whole number from 0");
                }
                changes.add(new RemarkChange(item, index, text(r.getValue("text"), "remarks[].text", MAX_TEXT)));
            }
        }
        return new Correction(reason, changes);
    }

    public JsonObject toJson() {
        var list = new JsonArray();
        for (var r : remarks) {
            list.add(new JsonObject().put("itemNumber", r.itemNumber()).put("index", r.index()).put("text", r.text()));
        }
        return new JsonObject().put("reason", reason).put("remarks", list);
    }

    /** Fails with what is wrong when a change names a remark the record does not have. */
    public void checkAgainst(MinutesRecord record) {
        for (var c : remarks) {
            var item = record.items().stream().filter(i -> i.number().equals(c.itemNumber())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no item " + c.itemNumber() + " in the minutes"));
            if (c.index() >= item.remarks().size()) {
                throw new IllegalArgumentException("item " + c.itemNumber() + " has " + item.remarks().size() + " remark(s)");
            }
        }
    }

    /** One correction of the chain, with the version it made and the one it corrected. */
    record Applied(Correction correction, int version, int corrects, String numberText, LocalDate filedOn) {
    }

    /**
     * The record as the corrections made it, oldest first, with a last item noting each correction:
     * which version it made, which version it corrected and why.
     */
    static MinutesRecord apply(MinutesRecord record, List<Applied> chain) {
        if (chain.isEmpty()) return record;
        var items = new ArrayList<>(record.items());
        for (var a : chain) {
            for (var c : a.correction().remarks()) {
                for (int i = 0; i < items.size(); i++) {
                    var item = items.get(i);
                    if (!item.number().equals(c.itemNumber()) || c.index() >= item.remarks().size()) continue;
                    var remarks = new ArrayList<>(item.remarks());
                    var old = remarks.get(c.index());
                    remarks.set(c.index(), new RemarkLine(old.speaker(), nfc(c.text()), old.at(), true));
                    items.set(i, new ItemSection(item.number(), item.title(), item.plannedMinutes(), item.spentMinutes(),
                            item.skipped(), remarks, item.speeches(), item.conclusion()));
                }
            }
        }
        var notes = new ArrayList<String>();
        for (var a : chain) {
            notes.add("Phiên bản " + a.version() + " (lập " + date(a.filedOn()) + ") đính chính phiên bản " + a.corrects()
                    + " của biên bản số " + a.numberText() + ". Lý do: " + sentence(nfc(a.correction().reason()))
                    + (a.correction().remarks().isEmpty() ? "" : " Các ý kiến đã sửa được ghi \u201c(đã đính chính)\u201d."));
        }
        items.add(new ItemSection(nextNumber(record.items()), "Đính chính biên bản", 0, 0, false, List.of(), List.of(),
                String.join(" ", notes)));
        return new MinutesRecord(record.header(), record.startedAt(), record.endedAt(), record.venue(), record.chair(),
                record.minuteTaker(), record.documents(), record.attendance(), items, record.votes());
    }

    private static String nextNumber(List<ItemSection> items) {
        int max = 0;
        for (var i : items) {
            try {
                if (!i.number().contains(".")) max = Math.max(max, Integer.parseInt(i.number().strip()));
            } catch (NumberFormatException e) {
                // an item numbered otherwise does not count
            }
        }
        return Integer.toString(max + 1);
    }

    private static String date(LocalDate d) {
        return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private static String sentence(String s) {
        String t = s.strip();
        return t.isEmpty() || ".!?…".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + ".";
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static String text(Object value, String name, int max) {
        if (!(value instanceof String s) || s.isBlank()) throw new IllegalArgumentException(name + " is required");
        if (s.length() > max) throw new IllegalArgumentException(name + " is longer than " + max + " characters");
        return s.strip();
    }
}
