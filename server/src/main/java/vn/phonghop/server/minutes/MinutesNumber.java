package vn.phonghop.server.minutes;

import java.util.Objects;

/**
 * The number a committee gives its minutes, printed as "Số 07-BB/CB": a running number (restarting
 * at 01 per document type per committee term, so it comes from outside) and the body's symbol.
 */
public record MinutesNumber(int number, String symbol) {

    public MinutesNumber {
        if (number < 1) throw new IllegalArgumentException("a minutes number starts at 1: " + number);
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.isBlank()) throw new IllegalArgumentException("the body's symbol is required");
    }

    /** "07-BB/CB": two digits at least, "BB" for biên bản, then the symbol. */
    public String text() {
        return String.format("%02d-BB/%s", number, symbol.strip());
    }
}
