package vn.phonghop.server.minutes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.util.Version;
import vn.phonghop.agenda.minutes.MinutesRecord;

/**
 * Lays out the minutes of a closed meeting as a PDF/A-3b document in the format of Guidance
 * 36-HD/VPTW and 16-HD/VPTW, with the machine-readable record attached. The output depends only on
 * its inputs: the same minutes give the same bytes. Thread-safe.
 */
public final class MinutesRenderer {

    /** Where Party meetings are held unless the meeting says otherwise. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String CREATOR = "Phòng họp không giấy";

    private final MinutesLayout layout;

    public MinutesRenderer(MinutesLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    public MinutesRenderer() {
        this(MinutesLayout.DEFAULT);
    }

    /** The minutes of a meeting held in Vietnam; {@code recordJson} is attached (see {@link MinutesJson}). */
    public byte[] render(MinutesRecord record, MinutesNumber number, byte[] recordJson) {
        return render(record, number, VIETNAM, recordJson);
    }

    /**
     * @param zone the meeting's time zone, which gives the record's local times their offset in the
     *             document's dates
     * @throws MissingGlyphException when the font cannot draw a character of the record
     * @throws IllegalArgumentException when the meeting has not ended
     */
    public byte[] render(MinutesRecord record, MinutesNumber number, ZoneId zone, byte[] recordJson) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(recordJson, "recordJson");
        if (record.endedAt() == null) throw new IllegalArgumentException("minutes are rendered once the meeting has ended");
        Calendar when = GregorianCalendar.from(record.endedAt().atZone(zone));
        when.setTimeZone(TimeZone.getTimeZone(zone.getRules().getOffset(record.endedAt())));
        var text = new MinutesText(record, number);
        try (var doc = new PDDocument()) {
            doc.setVersion(1.7f);
            var fonts = Fonts.load(doc);
            try (var t = new Typesetter(doc, fonts, layout)) {
                t.header(text.superior(), text.issuing(), text.number(), MinutesText.PARTY, text.placeAndDate());
                t.title(Typesetter.upper(MinutesText.TITLE), text.summary());
                for (Paragraph p : text.body()) t.paragraph(p);
                t.signatures(text.closing(), text.minuteTakerTitle(), text.minuteTaker(), text.chairTitle(), text.chair());
            }
            var description = new PdfA.Description(Typesetter.nfc(MinutesText.TITLE + " " + text.summary()),
                    Typesetter.nfc(record.header().issuingBody() + ", số " + number.text()), CREATOR,
                    "Apache PDFBox " + Version.getVersion(), when);
            String name = "bien-ban-" + number.text().replace('/', '-') + ".json";
            PdfA.conform(doc, description, new PdfA.Attachment(name, "application/json",
                    "Bản ghi máy đọc được của biên bản", recordJson));
            // The document ID is derived from this value and the document information: fixed, not the clock.
            doc.setDocumentId(when.getTimeInMillis());
            var out = new ByteArrayOutputStream(256 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
