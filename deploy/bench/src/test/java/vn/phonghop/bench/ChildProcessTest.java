package vn.phonghop.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The server's heap as the bench reads it from {@code jcmd GC.heap_info}, for each collector (Java 17's output). */
class ChildProcessTest {

    @Test
    @DisplayName("A class histogram's total: the bytes of the objects alive")
    void histogram_total() {
        assertEquals(526_717_888L, ChildProcess.histogramTotal("""
                17494:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:        965816      176445288  [B (java.base@17.0.15)
                2576:             1             16  vn.phonghop.server.store.GroupCommitWriter$$Lambda$109/0x00007f0c541959c8
                Total       6035487      526717888
                """));
        assertEquals(-1L, ChildProcess.histogramTotal("17494:\nio.vertx.core.VertxException: no such process\n"));
    }

    @Test
    @DisplayName("G1: the one heap line, not Metaspace")
    void g1() {
        assertEquals(77_092L << 10, ChildProcess.heapUsed("""
                30260:
                 garbage-first heap   total 389120K, used 77092K [0x00000000c0000000, 0x0000000100000000)
                  region size 1024K, 15 young (15360K), 0 survivors (0K)
                 Metaspace       used 9142K, committed 9408K, reserved 1114112K
                  class space    used 1095K, committed 1216K, reserved 1048576K
                """));
    }

    @Test
    @DisplayName("ZGC: megabytes, not the Metaspace line that follows")
    void zgc() {
        assertEquals(52L << 20, ChildProcess.heapUsed("""
                30212:
                 ZHeap           used 52M, capacity 378M, max capacity 1024M
                 Metaspace       used 9131K, committed 9344K, reserved 1114112K
                  class space    used 1095K, committed 1216K, reserved 1048576K
                """));
    }

    @Test
    @DisplayName("Parallel: young and old generations summed, their spaces' percentages ignored")
    void parallel() {
        assertEquals((51_099L + 2_048L) << 10, ChildProcess.heapUsed("""
                30305:
                 PSYoungGen      total 113152K, used 51099K [0x00000000eab00000, 0x00000000f2900000, 0x0000000100000000)
                  eden space 97280K, 52% used [0x00000000eab00000,0x00000000edce6d40,0x00000000f0a00000)
                  from space 15872K, 0% used [0x00000000f1980000,0x00000000f1980000,0x00000000f2900000)
                 ParOldGen       total 259584K, used 2048K [0x00000000c0000000, 0x00000000cfd80000, 0x00000000eab00000)
                  object space 259584K, 0% used [0x00000000c0000000,0x00000000c0200000,0x00000000cfd80000)
                 Metaspace       used 9142K, committed 9408K, reserved 1114112K
                """));
    }

    @Test
    @DisplayName("Shenandoah: the size before \"used\", not the regions line or Metaspace")
    void shenandoah() {
        assertEquals(14_208L << 10, ChildProcess.heapUsed("""
                3022:
                Shenandoah Heap
                 256M max, 256M soft max, 256M committed, 14208K used
                 1024 x 256K regions
                Status: not cancelled
                Reserved region:
                 - [0x00000000f0000000, 0x0000000100000000)\s
                Collection set:
                 - map (vanilla): 0x0000000000013c00
                 - map (biased):  0x0000000000010000

                 Metaspace       used 8969K, committed 9152K, reserved 1114112K
                  class space    used 1062K, committed 1152K, reserved 1048576K
                """));
        assertArrayEquals(new long[] {0xf0000000L, 0x100000000L}, ChildProcess.heapRange(
                " - [0x00000000f0000000, 0x0000000100000000) \n"));
    }

    @Test
    @DisplayName("No heap line: -1, not zero")
    void nothing() {
        assertEquals(-1, ChildProcess.heapUsed("30212:\nCould not attach\n"));
    }

    @Test
    @DisplayName("The heap's reserved range from G1's line; none from ZGC's")
    void heapRange() {
        assertArrayEquals(new long[] {0xc0000000L, 0x100000000L}, ChildProcess.heapRange(
                " garbage-first heap   total 389120K, used 77092K [0x00000000c0000000, 0x0000000100000000)\n"));
        assertNull(ChildProcess.heapRange(" ZHeap           used 52M, capacity 378M, max capacity 1024M\n"));
    }

    @Test
    @DisplayName("Resident memory outside a range: everything outside an empty one, nothing outside the whole address space")
    void residentOutside() {
        long pid = ProcessHandle.current().pid();
        long all = Cpu.residentOutside(pid, 0, 0);
        assertTrue(all > 1 << 20, "this JVM has more than a megabyte resident: " + all);
        assertEquals(0, Cpu.residentOutside(pid, 0, -1L));
    }
}
