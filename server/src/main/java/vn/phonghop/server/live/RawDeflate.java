package vn.phonghop.server.live;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * Raw DEFLATE (RFC 1951, what a browser's {@code DecompressionStream("deflate-raw")} reads) for
 * snapshots: the part every viewer of an audience shares is compressed once and ends on a byte
 * boundary (a sync flush), and each viewer's own tail is appended as stored blocks, the last
 * one final. So 1,500 tablets connecting at once cost one compression of the view, not 1,500.
 */
final class RawDeflate {
    /** The most a stored block holds. */
    private static final int STORED_MAX = 65_535;

    private RawDeflate() {
    }

    /** {@code text} as UTF-8, compressed and sync-flushed: a stream to be continued, not yet final. */
    static byte[] flushed(String text) {
        var deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
            var out = new ByteArrayOutputStream(Math.max(64, text.length() / 6));
            byte[] buf = new byte[16 * 1024];
            int n;
            // a sync flush is complete when it leaves room in the buffer (zlib's rule for Z_SYNC_FLUSH)
            do {
                n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                out.write(buf, 0, n);
            } while (n == buf.length);
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** A stream from {@link #flushed}, continued by {@code tail} in stored blocks and ended. */
    static byte[] finish(byte[] flushed, String tail) {
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        int blocks = Math.max(1, (t.length + STORED_MAX - 1) / STORED_MAX);
        var out = new ByteArrayOutputStream(flushed.length + t.length + 5 * blocks);
        out.writeBytes(flushed);
        for (int b = 0, from = 0; b < blocks; b++) {
            int len = Math.min(STORED_MAX, t.length - from);
            // BFINAL on the last block, BTYPE 00 (stored); then LEN and its complement, little-endian
            out.write(b == blocks - 1 ? 1 : 0);
            out.write(len & 0xff);
            out.write(len >>> 8);
            out.write(~len & 0xff);
            out.write((~len >>> 8) & 0xff);
            out.write(t, from, len);
            from += len;
        }
        return out.toByteArray();
    }
}
