package vn.phonghop.server.minutes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.phonghop.agenda.minutes.Minutes;

/** The JSON twin of the minutes: well-formed, escaped, deterministic. */
class MinutesJsonTest {

    @Test
    @DisplayName("The record's JSON is well-formed and names its format first")
    void well_formed() {
        String json = MinutesJson.toJson(Samples.RECORD);
        assertTrue(json.startsWith("{\"format\":\"phonghop.minutes/1\",\"header\":{\"superiorBody\":"
                + "\"Đảng bộ Trường Đại học Bách khoa Hà Nội\""), json.substring(0, 120));
        JsonSyntax.check(json);
        assertTrue(json.contains("\"majorityBase\":14"));
        assertTrue(json.contains("\"threshold\":{\"basis\":\"OFFICIAL_MEMBERS\",\"numerator\":2,\"denominator\":3,"
                + "\"inclusive\":true}"));
        assertTrue(json.contains("\"text\":\"" + SampleMeeting.KEY_REMARK + ". (ý kiến thứ 1)\""));
    }

    @Test
    @DisplayName("Quotes, backslashes, control characters, line separators and lone surrogates are escaped")
    void escaping() {
        String nasty = "Ông \"Ba\" nói: C:\\tệp\n\tdòng\u0001 \u2028 \uD800 🙂";
        var record = Records.withFirstRemark(Samples.RECORD, nasty);
        String json = MinutesJson.toJson(record);
        JsonSyntax.check(json);
        assertTrue(json.contains("\"text\":\"Ông \\\"Ba\\\" nói: C:\\\\tệp\\n\\tdòng\\u0001 \\u2028 \\ud800 🙂\""), json);
    }

    @Test
    @DisplayName("The same log gives the same JSON bytes")
    void deterministic() {
        assertArrayEquals(MinutesJson.of(Minutes.of(SampleMeeting.realistic())), MinutesJson.of(Samples.RECORD));
        assertEquals(Samples.JSON.length, MinutesJson.toJson(Samples.RECORD).getBytes(StandardCharsets.UTF_8).length);
    }

    /** A strict recursive-descent check of RFC 8259 syntax, so the test needs no JSON library. */
    static final class JsonSyntax {
        private final String s;
        private int i;

        private JsonSyntax(String s) {
            this.s = s;
        }

        static void check(String json) {
            var p = new JsonSyntax(json);
            p.value();
            if (p.i != json.length()) throw p.error("trailing text");
        }

        private void value() {
            if (i >= s.length()) throw error("unexpected end");
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                if (peek('}')) return;
                do {
                    string();
                    expect(':');
                    value();
                } while (accept(','));
                expect('}');
            } else if (c == '[') {
                i++;
                if (peek(']')) return;
                do value(); while (accept(','));
                expect(']');
            } else if (c == '"') {
                string();
            } else if (s.startsWith("true", i) || s.startsWith("null", i)) {
                i += 4;
            } else if (s.startsWith("false", i)) {
                i += 5;
            } else {
                int start = i;
                if (s.charAt(i) == '-') i++;
                while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) i++;
                if (start == i) throw error("unexpected character");
            }
        }

        private void string() {
            expect('"');
            while (i < s.length() && s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c < 0x20) throw error("raw control character");
                if (c == '\\') {
                    char e = s.charAt(i++);
                    if (e == 'u') {
                        for (int k = 0; k < 4; k++) if (Character.digit(s.charAt(i++), 16) < 0) throw error("bad \\u");
                    } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                        throw error("bad escape");
                    }
                } else if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i < s.length()
                        && Character.isLowSurrogate(s.charAt(i++)))) {
                    throw error("lone surrogate");
                }
            }
            expect('"');
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private boolean accept(char c) {
            return peek(c);
        }

        private void expect(char c) {
            if (!peek(c)) throw error("expected '" + c + "'");
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at " + i + ": …" + s.substring(Math.max(0, i - 20), Math.min(s.length(), i + 20)));
        }
    }
}
