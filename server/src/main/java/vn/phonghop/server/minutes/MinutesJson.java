package vn.phonghop.server.minutes;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.BiConsumer;
import vn.phonghop.agenda.minutes.MinutesRecord;
import vn.phonghop.agenda.minutes.MinutesRecord.*;
import vn.phonghop.agenda.minutes.Percent;
import vn.phonghop.agenda.voting.Threshold;

/**
 * The minutes record as JSON, attached to the PDF as its machine-readable twin. The field names
 * and their order are the archive's format ({@value #FORMAT}): written out one by one, not by
 * reflection, so that a change to the domain's records cannot silently change the archive. The
 * same record always gives the same bytes (UTF-8, no insignificant whitespace).
 */
public final class MinutesJson {

    public static final String FORMAT = "phonghop.minutes/1";

    private MinutesJson() {
    }

    public static byte[] of(MinutesRecord r) {
        return toJson(r).getBytes(StandardCharsets.UTF_8);
    }

    public static String toJson(MinutesRecord r) {
        var w = new Writer();
        w.begin();
        w.field("format", FORMAT);
        w.object("header", () -> header(w, r.header()));
        w.field("startedAt", r.startedAt());
        w.field("endedAt", r.endedAt());
        w.field("venue", r.venue());
        w.field("chair", r.chair());
        w.field("minuteTaker", r.minuteTaker());
        w.array("documents", r.documents(), (x, d) -> {
            x.field("itemNumber", d.itemNumber());
            x.field("title", d.title());
            x.field("classification", d.classification().name());
            x.field("pageCount", d.pageCount());
            x.field("sha256", d.sha256());
        });
        w.object("attendance", () -> attendance(w, r.attendance()));
        w.array("items", r.items(), MinutesJson::item);
        w.array("votes", r.votes(), MinutesJson::vote);
        w.end();
        return w.toString();
    }

    private static void header(Writer w, Header h) {
        w.field("superiorBody", h.superiorBody());
        w.field("issuingBody", h.issuingBody());
        w.field("bodyKind", h.bodyKind() == null ? null : h.bodyKind().name());
        w.field("symbol", h.symbol());
        w.field("meetingKind", h.meetingKind() == null ? null : h.meetingKind().name());
        w.field("summary", h.summary());
        w.field("place", h.place());
        w.field("date", h.date());
        w.field("ruleSetId", h.ruleSetId());
        w.field("ruleSetTitle", h.ruleSetTitle());
        w.field("meetingId", h.meetingId());
    }

    private static void attendance(Writer w, AttendanceSection a) {
        w.field("officialMembers", a.officialMembers());
        w.field("probationaryMembers", a.probationaryMembers());
        w.field("officialPresent", a.officialPresent());
        w.field("probationaryPresent", a.probationaryPresent());
        w.field("majorityBase", a.majorityBase());
        w.field("attendance", a.attendance());
        w.array("absentees", a.absentees(), (x, v) -> {
            x.field("name", v.name());
            x.field("reason", v.reason());
            x.field("exempt", v.exempt());
        });
        w.array("lateArrivals", a.lateArrivals(), (x, v) -> {
            x.field("name", v.name());
            x.field("at", v.at());
        });
        w.array("guests", a.guests(), (x, v) -> {
            x.field("name", v.name());
            x.field("affiliation", v.affiliation());
        });
    }

    private static void item(Writer w, ItemSection i) {
        w.field("number", i.number());
        w.field("title", i.title());
        w.field("plannedMinutes", i.plannedMinutes());
        w.field("spentMinutes", i.spentMinutes());
        w.field("skipped", i.skipped());
        w.array("remarks", i.remarks(), (x, v) -> {
            x.field("speaker", v.speaker());
            x.field("text", v.text());
            x.field("at", v.at());
            x.field("corrected", v.corrected());
        });
        w.array("speeches", i.speeches(), (x, v) -> {
            x.field("speaker", v.speaker());
            x.field("durationSeconds", v.durationSeconds());
        });
        w.field("conclusion", i.conclusion());
    }

    private static void vote(Writer w, VoteLine v) {
        w.field("itemNumber", v.itemNumber());
        w.field("question", v.question());
        w.field("kind", v.kind().name());
        w.field("mode", v.mode().name());
        w.object("threshold", () -> {
            Threshold t = v.threshold();
            w.field("basis", t.basis().name());
            w.field("numerator", t.numerator());
            w.field("denominator", t.denominator());
            w.field("inclusive", t.inclusive());
        });
        w.field("ruleSetId", v.ruleSetId());
        w.field("majorityBase", v.majorityBase());
        w.field("officialMembers", v.officialMembers());
        w.field("ballots", v.ballots());
        w.array("options", v.options(), (x, o) -> {
            x.field("key", o.key());
            x.field("label", o.label());
            x.field("votes", o.votes());
            x.field("ofBase", o.ofBase());
        });
        w.field("passed", v.passed());
        w.field("outcome", v.outcome());
        w.field("closedAt", v.closedAt());
    }

    /** A minimal JSON writer: objects, arrays, strings, numbers, booleans and null. */
    private static final class Writer {
        private final StringBuilder out = new StringBuilder(8192);
        private boolean first = true;

        void begin() {
            out.append('{');
            first = true;
        }

        void end() {
            out.append('}');
            first = false;
        }

        void field(String name, String value) {
            name(name);
            if (value == null) out.append("null");
            else string(value);
        }

        void field(String name, long value) {
            name(name);
            out.append(value);
        }

        void field(String name, boolean value) {
            name(name);
            out.append(value);
        }

        void field(String name, LocalDateTime value) {
            field(name, value == null ? null : value.toString());
        }

        void field(String name, LocalDate value) {
            field(name, value == null ? null : value.toString());
        }

        /** A share as its exact hundredths of a percent: 5333 is 53,33 %. */
        void field(String name, Percent value) {
            name(name);
            out.append(value.hundredths());
        }

        void object(String name, Runnable body) {
            name(name);
            begin();
            body.run();
            end();
        }

        <T> void array(String name, List<T> values, BiConsumer<Writer, T> element) {
            name(name);
            out.append('[');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) out.append(',');
                begin();
                element.accept(this, values.get(i));
                end();
            }
            out.append(']');
            first = false;
        }

        private void name(String name) {
            if (!first) out.append(',');
            first = false;
            string(name);
            out.append(':');
        }

        private void string(String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> {
                        // Control characters, the two JavaScript line separators and unpaired
                        // surrogates are escaped, so the output is valid UTF-8 JSON for any string.
                        boolean unpaired = Character.isSurrogate(c) && !paired(s, i);
                        if (c < 0x20 || c == '\u2028' || c == '\u2029' || unpaired) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        private static boolean paired(String s, int i) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
