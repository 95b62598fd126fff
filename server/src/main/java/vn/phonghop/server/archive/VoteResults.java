package vn.phonghop.server.archive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.phonghop.agenda.minutes.Percent;

/**
 * The votes of archived minutes for a spreadsheet or a program, read from the record filed with
 * them: per poll its question, decision kind, ballot mode, the majority base, and per option the
 * count and its share of the base (exact hundredths of a percent), then whether it passed.
 */
public final class VoteResults {
    static final String CSV_HEADER = "poll,item,question,kind,mode,majority_base,ballots,option,votes,percent_of_base,passed,outcome";

    private VoteResults() {
    }

    public static JsonObject json(FiledMinutes meta, JsonObject record) {
        var votes = new JsonArray();
        int n = 1;
        for (Object o : record.getJsonArray("votes", new JsonArray())) {
            var v = (JsonObject) o;
            var options = new JsonArray();
            for (Object p : v.getJsonArray("options", new JsonArray())) {
                var opt = (JsonObject) p;
                int hundredths = opt.getInteger("ofBase", 0);
                options.add(new JsonObject().put("key", opt.getString("key")).put("label", opt.getString("label"))
                        .put("votes", opt.getInteger("votes")).put("ofBaseHundredths", hundredths)
                        .put("ofBase", new Percent(hundredths).vi()));
            }
            votes.add(new JsonObject().put("poll", n++).put("itemNumber", v.getString("itemNumber"))
                    .put("question", v.getString("question")).put("kind", v.getString("kind"))
                    .put("mode", v.getString("mode")).put("majorityBase", v.getInteger("majorityBase"))
                    .put("officialMembers", v.getInteger("officialMembers")).put("ballots", v.getInteger("ballots"))
                    .put("options", options).put("passed", v.getBoolean("passed")).put("outcome", v.getString("outcome"))
                    .put("closedAt", v.getString("closedAt")));
        }
        return new JsonObject().put("archiveId", meta.id()).put("number", meta.numberText()).put("title", meta.title())
                .put("meetingDate", meta.meetingDate().toString()).put("votes", votes);
    }

    /** One row per poll and option, UTF-8 with a byte-order mark (so spreadsheets read Vietnamese right), CRLF. */
    public static String csv(JsonObject results) {
        var out = new StringBuilder("\uFEFF").append(CSV_HEADER).append("\r\n");
        for (Object o : results.getJsonArray("votes")) {
            var v = (JsonObject) o;
            for (Object p : v.getJsonArray("options")) {
                var opt = (JsonObject) p;
                row(out, String.valueOf(v.getInteger("poll")), v.getString("itemNumber"), v.getString("question"),
                        v.getString("kind"), v.getString("mode"), String.valueOf(v.getInteger("majorityBase")),
                        String.valueOf(v.getInteger("ballots")), opt.getString("label"),
                        String.valueOf(opt.getInteger("votes")), opt.getString("ofBase"),
                        String.valueOf(v.getBoolean("passed")), v.getString("outcome"));
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) out.append(',');
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    /** RFC 4180 quoting; a cell starting like a formula is prefixed with ' so a spreadsheet does not run it. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
