package vn.phonghop.agenda.items;

/** The document page the chair is showing the room; tablets that follow the presenter turn with it. */
public record Presentation(String itemId, String documentId, int page) {
}
