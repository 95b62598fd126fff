package vn.phonghop.server.store;

/** Argument checks for the store's records, matching the column sizes in {@link Schema}. */
final class Checks {

    private Checks() {
    }

    static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
        }
        return value;
    }
}
