package vn.phonghop.server.documents;

/** An uploaded file is not a document this server will store; the reason is what the UI translates. */
public final class DocumentRejected extends Exception {

    /** Why a file was refused. */
    public enum Reason {
        /** Larger than MAX_DOCUMENT_BYTES. */
        TOO_LARGE,
        /** Empty, or not a PDF at all. */
        NOT_A_PDF,
        /** A PDF that is truncated, broken, or built to exhaust the parser. */
        DAMAGED,
        /** Protected by a password or encrypted: the server could not watermark it. */
        ENCRYPTED,
        /** A valid PDF without a single page. */
        NO_PAGES
    }

    private final Reason reason;

    public DocumentRejected(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public DocumentRejected(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    /** Why the file was refused. */
    public Reason reason() {
        return reason;
    }
}
