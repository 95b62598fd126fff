package vn.phonghop.server.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import vn.phonghop.server.documents.DocumentRejected.Reason;

/**
 * Decides whether uploaded bytes are a PDF the server will store and show: within the size
 * limit, starting with {@code %PDF-}, ending with {@code %%EOF}, not encrypted, parsable by
 * PDFBox within a bounded memory budget, with at least one page.
 *
 * <p>PDFBox repairs damaged files leniently, so a truncated upload could parse "successfully"
 * with pages missing; the {@code %%EOF} check refuses it instead. PDFBox also inflates object
 * streams wholly in memory, so every Flate stream is first inflated here with a cap, and a
 * decompression bomb is refused before PDFBox sees it.
 */
public final class PdfInspector {

    /** What inspection learned about an accepted PDF. */
    public record PdfFacts(int pageCount) {
    }

    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRAILER = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
    /** Readers accept {@code %%EOF} this close to the end (some writers append a little garbage). */
    private static final int TRAILER_WINDOW = 1024;

    private final long maxBytes;
    private final long maxInflatedStreamBytes;

    /** An inspector for files up to {@code maxBytes} (MAX_DOCUMENT_BYTES). */
    public PdfInspector(long maxBytes) {
        this.maxBytes = maxBytes;
        // Legitimate Flate streams rarely expand more than ~10x; 64 MiB leaves room for small limits.
        this.maxInflatedStreamBytes = Math.max(64L << 20, 4 * maxBytes);
    }

    /** The largest file accepted. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Inspects a file; returns its facts or says why it is refused. */
    public PdfFacts inspect(byte[] bytes) throws DocumentRejected {
        if (bytes.length > maxBytes) {
            throw new DocumentRejected(Reason.TOO_LARGE, bytes.length + " bytes, the limit is " + maxBytes);
        }
        if (bytes.length == 0 || !startsWith(bytes, HEADER)) {
            throw new DocumentRejected(Reason.NOT_A_PDF, "the file does not start with %PDF-");
        }
        if (lastIndexOf(bytes, TRAILER, Math.max(0, bytes.length - TRAILER_WINDOW)) < 0) {
            throw new DocumentRejected(Reason.DAMAGED, "no %%EOF at the end: the file is truncated");
        }
        refuseDecompressionBombs(bytes);
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(bytes), "",
                MemoryUsageSetting.setupMainMemoryOnly(maxInflatedStreamBytes).streamCache)) {
            if (document.isEncrypted()) {
                throw new DocumentRejected(Reason.ENCRYPTED, "the PDF is encrypted");
            }
            int pages = 0;
            for (PDPage page : document.getPages()) {
                // Walking the page tree resolves every page object and its media box.
                page.getMediaBox();
                pages++;
            }
            if (pages == 0 || document.getNumberOfPages() != pages) {
                throw new DocumentRejected(Reason.NO_PAGES, "the PDF has no pages");
            }
            return new PdfFacts(pages);
        } catch (InvalidPasswordException e) {
            throw new DocumentRejected(Reason.ENCRYPTED, "the PDF needs a password", e);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // StackOverflowError: a hostile file nests objects deeply enough to exhaust the
            // recursive parser; the stack unwinds to here and the thread stays sound.
            throw new DocumentRejected(Reason.DAMAGED, "PDFBox could not parse the file", e);
        }
    }

    /** Inflates every zlib stream body with a cap; a stream expanding beyond it marks a hostile file. */
    private void refuseDecompressionBombs(byte[] bytes) throws DocumentRejected {
        byte[] sink = new byte[64 * 1024];
        int at = 0;
        while ((at = indexOf(bytes, STREAM, at)) >= 0) {
            int body = at + STREAM.length;
            at = body;
            if (body < bytes.length && bytes[body] == '\r') {
                body++;
            }
            if (body >= bytes.length || bytes[body] != '\n') {
                continue; // "endstream", or "stream" inside other text
            }
            body++;
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(bytes, body, bytes.length - body);
                long total = 0;
                while (!inflater.finished() && !inflater.needsInput() && !inflater.needsDictionary()) {
                    total += inflater.inflate(sink);
                    if (total > maxInflatedStreamBytes) {
                        throw new DocumentRejected(Reason.DAMAGED, "a stream expands beyond "
                                + maxInflatedStreamBytes + " bytes");
                    }
                }
            } catch (DataFormatException notZlib) {
                // not Flate data (an image, or plain content): PDFBox handles it without inflating
            } finally {
                inflater.end();
            }
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && indexOf(bytes, prefix, 0) == 0;
    }

    static int indexOf(byte[] bytes, byte[] needle, int from) {
        outer:
        for (int i = from; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte[] needle, int notBefore) {
        for (int i = bytes.length - needle.length; i >= notBefore; i--) {
            if (indexOf(bytes, needle, i) == i) {
                return i;
            }
        }
        return -1;
    }
}

