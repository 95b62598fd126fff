package vn.phonghop.server.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    @DisplayName("A hash is pbkdf2$210000$salt$hash with a 16-byte salt and a 32-byte hash")
    void format() {
        String stored = hasher.hash("mật khẩu đủ dài".toCharArray());
        String[] parts = stored.split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2", parts[0]);
        assertEquals("210000", parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    }

    @Test
    @DisplayName("The same password hashes differently each time, and each hash verifies")
    void saltedAndVerifiable() {
        String a = hasher.hash("correct horse".toCharArray());
        String b = hasher.hash("correct horse".toCharArray());
        assertNotEquals(a, b);
        assertTrue(hasher.verify("correct horse".toCharArray(), a));
        assertTrue(hasher.verify("correct horse".toCharArray(), b));
        assertFalse(hasher.verify("correct hors".toCharArray(), a));
    }

    @Test
    @DisplayName("A hash made with more iterations still verifies; fewer than 210,000 are refused")
    void iterations() {
        String stronger = new PasswordHasher(300_000).hash("correct horse".toCharArray());
        assertTrue(stronger.startsWith("pbkdf2$300000$"));
        assertTrue(hasher.verify("correct horse".toCharArray(), stronger));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(10_000));
    }

    @Test
    @DisplayName("A malformed stored hash never verifies")
    void malformed() {
        assertFalse(hasher.verify("x".toCharArray(), ""));
        assertFalse(hasher.verify("x".toCharArray(), "md5$abc"));
        assertFalse(hasher.verify("x".toCharArray(), "pbkdf2$many$AAAA$AAAA"));
        assertFalse(hasher.verify("x".toCharArray(), "pbkdf2$0$AAAA$AAAA"));
        assertFalse(hasher.verify("x".toCharArray(), "pbkdf2$210000$!!$??"));
    }
}
