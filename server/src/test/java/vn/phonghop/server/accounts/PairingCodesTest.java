package vn.phonghop.server.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.store.Database;
import vn.phonghop.server.store.TestDatabases;

class PairingCodesTest {

    static final Principal.Seat SEAT = new Principal.Seat("mtg-1", "dv-0007");

    @TempDir
    Path dir;
    Database db;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T07:00:00Z"));
    PairingCodes codes;

    @BeforeEach
    void open() {
        db = TestDatabases.h2(dir);
        codes = new PairingCodes(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    @DisplayName("A code has 8 unambiguous characters and redeems once for what it was issued for")
    void singleUse() {
        PairingCodes.IssuedCode issued = codes.issue(SEAT, "acc-secretary");
        assertTrue(issued.code().matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}"), issued.code());
        assertEquals(clock.instant().plus(Duration.ofMinutes(15)), issued.expiresAt());

        assertEquals(Optional.of(SEAT), codes.redeem(issued.code()));
        assertEquals(Optional.empty(), codes.redeem(issued.code()));
    }

    @Test
    @DisplayName("The room display is paired the same way; typed codes may have dashes, spaces and lower case")
    void displayAndTypedForms() {
        PairingCodes.IssuedCode issued = codes.issue(new Principal.RoomDisplay("mtg-1"), "acc-secretary");
        String typed = " " + issued.display().toLowerCase() + " ";
        assertEquals(Optional.of(new Principal.RoomDisplay("mtg-1")), codes.redeem(typed));
    }

    @Test
    @DisplayName("An expired code is refused")
    void expired() {
        PairingCodes.IssuedCode issued = codes.issue(SEAT, "acc-secretary");
        clock.advance(Duration.ofMinutes(15));
        assertEquals(Optional.empty(), codes.redeem(issued.code()));
    }

    @Test
    @DisplayName("Unknown, malformed and voided codes are refused")
    void refused() {
        assertEquals(Optional.empty(), codes.redeem("ABCDEFGH"));
        assertEquals(Optional.empty(), codes.redeem("ABCDEFG1"));
        assertEquals(Optional.empty(), codes.redeem(null));
        assertEquals(Optional.empty(), codes.redeem("x".repeat(1000)));
        PairingCodes.IssuedCode issued = codes.issue(SEAT, "acc-secretary");
        assertEquals(1, codes.voidMeeting("mtg-1"));
        assertEquals(Optional.empty(), codes.redeem(issued.code()));
    }

    @Test
    @DisplayName("Two devices redeeming the same code at once: exactly one wins")
    void concurrentRedeem() throws Exception {
        ExecutorService devices = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                String code = codes.issue(SEAT, "acc-secretary").code();
                CyclicBarrier together = new CyclicBarrier(2);
                List<CompletableFuture<Optional<Principal.Device>>> attempts = List.of(
                        CompletableFuture.supplyAsync(() -> redeemTogether(together, code), devices),
                        CompletableFuture.supplyAsync(() -> redeemTogether(together, code), devices));
                long winners = 0;
                for (CompletableFuture<Optional<Principal.Device>> a : attempts) {
                    winners += a.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
                }
                assertEquals(1, winners, "round " + round);
            }
        } finally {
            devices.shutdown();
        }
    }

    private Optional<Principal.Device> redeemTogether(CyclicBarrier together, String code) {
        try {
            together.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return codes.redeem(code);
    }
}
