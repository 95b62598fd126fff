package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A view compressed once and a viewer's tail appended: one raw DEFLATE stream that inflates to both. */
class RawDeflateTest {
    private static final String VIEW = "{\"type\":\"snapshot\",\"seq\":41,\"view\":{\"roster\":[" + "{\"name\":\"Nguyễn Thị Hồng Nhung\",\"presence\":\"PRESENT\"},".repeat(2000) + "{}]}";

    private static String whole(String prefix, String tail) {
        return LiveClient.inflateRaw(RawDeflate.finish(RawDeflate.flushed(prefix), tail));
    }

    @Test
    @DisplayName("A Vietnamese view and a viewer's own tail inflate to the snapshot's text, much smaller than it")
    void view_and_tail() {
        String tail = ",\"me\":{\"personId\":\"m07\",\"name\":\"Trần Văn Đức\"}}";
        assertEquals(VIEW + tail, whole(VIEW, tail));
        int deflated = RawDeflate.finish(RawDeflate.flushed(VIEW), tail).length;
        int text = (VIEW + tail).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(deflated * 20 < text, deflated + " bytes for " + text);
    }

    @Test
    @DisplayName("The shared part is reused: two viewers' streams differ only after it")
    void shared_prefix() {
        byte[] prefix = RawDeflate.flushed(VIEW);
        byte[] a = RawDeflate.finish(prefix, ",\"me\":{\"personId\":\"m01\"}}");
        byte[] b = RawDeflate.finish(prefix, ",\"me\":{\"personId\":\"m02\"}}");
        assertEquals(VIEW + ",\"me\":{\"personId\":\"m01\"}}", LiveClient.inflateRaw(a));
        assertEquals(VIEW + ",\"me\":{\"personId\":\"m02\"}}", LiveClient.inflateRaw(b));
        assertEquals(java.nio.ByteBuffer.wrap(a, 0, prefix.length), java.nio.ByteBuffer.wrap(b, 0, prefix.length));
    }

    @Test
    @DisplayName("An empty tail, a tail over one stored block (65,535 bytes), and a view that does not compress")
    void edges() {
        assertEquals(VIEW, whole(VIEW, ""));
        String longTail = "ă".repeat(70_000);
        assertEquals(VIEW + longTail, whole(VIEW, longTail));
        var random = new Random(7);
        var noise = new StringBuilder();
        while (noise.length() < 200_000) noise.append((char) ('!' + random.nextInt(90)));
        assertEquals(noise + "}", whole(noise.toString(), "}"));
        assertEquals("x", whole("", "x"));
    }
}
