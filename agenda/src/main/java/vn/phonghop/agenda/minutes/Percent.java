package vn.phonghop.agenda.minutes;

/** A share in hundredths of a percent, rounded half up in integer arithmetic (5333 = 53,33 %). */
public record Percent(int hundredths) {

    public static Percent of(long part, long whole) {
        if (whole <= 0) return new Percent(0);
        return new Percent((int) ((part * 20_000L + whole) / (2L * whole)));
    }

    /** Vietnamese notation: comma as the decimal separator, "53,33%". */
    public String vi() {
        return hundredths / 100 + "," + String.format(java.util.Locale.ROOT, "%02d", hundredths % 100) + "%";
    }
}
