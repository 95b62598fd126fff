package vn.phonghop.server.minutes;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.function.UnaryOperator;
import vn.phonghop.agenda.minutes.MinutesRecord;
import vn.phonghop.agenda.minutes.MinutesRecord.ItemSection;
import vn.phonghop.agenda.minutes.MinutesRecord.RemarkLine;

/** Variations of a minutes record for the tests. */
final class Records {

    private Records() {
    }

    /** The record with the first remark of the first item replaced by {@code text}. */
    static MinutesRecord withFirstRemark(MinutesRecord r, String text) {
        var items = new ArrayList<>(r.items());
        ItemSection first = items.get(0);
        var remarks = new ArrayList<>(first.remarks());
        RemarkLine old = remarks.get(0);
        remarks.set(0, new RemarkLine(old.speaker(), text, old.at(), old.corrected()));
        items.set(0, withRemarks(first, remarks));
        return withItems(r, items);
    }

    /** The record with every remark's speaker and text passed through {@code f}. */
    static MinutesRecord mapRemarks(MinutesRecord r, UnaryOperator<String> f) {
        var items = new ArrayList<ItemSection>();
        for (ItemSection i : r.items()) {
            items.add(withRemarks(i, i.remarks().stream()
                    .map(x -> new RemarkLine(f.apply(x.speaker()), f.apply(x.text()), x.at(), x.corrected())).toList()));
        }
        return withItems(r, items);
    }

    static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    static MinutesRecord unfinished(MinutesRecord r) {
        return new MinutesRecord(r.header(), r.startedAt(), null, r.venue(), r.chair(), r.minuteTaker(), r.documents(),
                r.attendance(), r.items(), r.votes());
    }

    private static ItemSection withRemarks(ItemSection i, java.util.List<RemarkLine> remarks) {
        return new ItemSection(i.number(), i.title(), i.plannedMinutes(), i.spentMinutes(), i.skipped(), remarks,
                i.speeches(), i.conclusion());
    }

    private static MinutesRecord withItems(MinutesRecord r, java.util.List<ItemSection> items) {
        return new MinutesRecord(r.header(), r.startedAt(), r.endedAt(), r.venue(), r.chair(), r.minuteTaker(),
                r.documents(), r.attendance(), items, r.votes());
    }
}
