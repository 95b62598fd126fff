package vn.phonghop.server.minutes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.phonghop.agenda.voting.Threshold;

/** The words and numbers of the minutes. */
class MinutesTextTest {

    @Test
    @DisplayName("Guidance 36-HD/VPTW dates: a day below 10 and the months 1 and 2 take a leading zero")
    void dates() {
        assertEquals("ngày 20 tháng 11 năm 2026", MinutesText.date(LocalDate.of(2026, 11, 20)));
        assertEquals("ngày 05 tháng 5 năm 2025", MinutesText.date(LocalDate.of(2025, 5, 5)));
        assertEquals("ngày 03 tháng 02 năm 2026", MinutesText.date(LocalDate.of(2026, 2, 3)));
        assertEquals("ngày 31 tháng 01 năm 2027", MinutesText.date(LocalDate.of(2027, 1, 31)));
    }

    @Test
    @DisplayName("Times read \"10 giờ 05 phút\"")
    void times() {
        assertEquals("10 giờ 05 phút", MinutesText.time(LocalDateTime.of(2026, 11, 20, 10, 5)));
        assertEquals("08 giờ 00 phút", MinutesText.time(LocalDateTime.of(2026, 11, 20, 8, 0)));
    }

    @Test
    @DisplayName("Thresholds in words: more than half of the base, at least two thirds of the official members")
    void thresholds() {
        assertEquals("trên một nửa số đảng viên chính thức được tính để biểu quyết (14 đồng chí)",
                MinutesText.thresholdWords(Threshold.MORE_THAN_HALF_OF_BASE, 14, 15));
        assertEquals("ít nhất hai phần ba tổng số đảng viên chính thức (15 đồng chí)",
                MinutesText.thresholdWords(Threshold.AT_LEAST_TWO_THIRDS_OF_OFFICIAL, 14, 15));
        assertEquals("ít nhất hai phần ba số đảng viên chính thức được tính để biểu quyết (14 đồng chí)",
                MinutesText.thresholdWords(Threshold.AT_LEAST_TWO_THIRDS_OF_BASE, 14, 15));
    }

    @Test
    @DisplayName("The minutes number reads 07-BB/CB and starts at 01")
    void numbers() {
        assertEquals("07-BB/CB", new MinutesNumber(7, "CB").text());
        assertEquals("112-BB/ĐU", new MinutesNumber(112, "ĐU").text());
        assertThrows(IllegalArgumentException.class, () -> new MinutesNumber(0, "CB"));
        assertThrows(IllegalArgumentException.class, () -> new MinutesNumber(1, " "));
    }
}
