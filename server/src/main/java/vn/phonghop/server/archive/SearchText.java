package vn.phonghop.server.archive;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.phonghop.agenda.minutes.MinutesRecord;

/**
 * The searchable text of archived minutes: the record's words in NFC lower case, followed by the
 * same words with their diacritics folded away ("Hương" → "huong", "Đảng" → "dang"). A search
 * term is lower-cased and looked for in both, so "bien ban" finds "biên bản" through the folded
 * copy, while a term typed with its diacritics ("hướng") only finds those exact letters.
 */
public final class SearchText {
    private static final int MAX_TERMS = 10;

    private SearchText() {
    }

    /** NFC, lower case, runs of white space made one space. */
    public static String lower(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    /** Without diacritics: NFD, combining marks dropped, đ → d, Đ → D, then lower case. */
    public static String fold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        var out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            out.append(c == 'đ' ? 'd' : c == 'Đ' ? 'D' : c);
        }
        return lower(out.toString());
    }

    /** What the archive stores to search in: the lower-cased text, a line break, the folded text. */
    public static String of(String text) {
        return lower(text) + "\n" + fold(text);
    }

    /** The terms of a query, each lower-cased, at most ten. */
    public static List<String> terms(String query) {
        var out = new ArrayList<String>();
        if (query == null) return out;
        for (String t : lower(query).split(" ")) {
            if (!t.isEmpty() && out.size() < MAX_TERMS) out.add(t);
        }
        return out;
    }

    /** A LIKE pattern matching the term anywhere, with the wildcards in it escaped (escape character '\'). */
    public static String likePattern(String term) {
        return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Every word of the minutes a reader may look for: bodies, title, people, items, remarks, votes. */
    public static String words(MinutesRecord r, String numberText) {
        var b = new StringBuilder(4096);
        var h = r.header();
        add(b, "Biên bản số " + numberText, h.superiorBody(), h.issuingBody(), h.summary(), h.place(), r.venue(),
                r.chair(), r.minuteTaker());
        for (var d : r.documents()) add(b, d.title());
        for (var a : r.attendance().absentees()) add(b, a.name(), a.reason());
        for (var g : r.attendance().guests()) add(b, g.name(), g.affiliation());
        for (var i : r.items()) {
            add(b, i.title(), i.conclusion());
            for (var m : i.remarks()) add(b, m.speaker(), m.text());
            for (var s : i.speeches()) add(b, s.speaker());
        }
        for (var v : r.votes()) {
            add(b, v.question(), v.outcome());
            for (var o : v.options()) add(b, o.label());
        }
        return b.toString();
    }

    private static void add(StringBuilder b, String... parts) {
        for (String p : parts) {
            if (p != null && !p.isBlank()) b.append(p).append('\n');
        }
    }
}
