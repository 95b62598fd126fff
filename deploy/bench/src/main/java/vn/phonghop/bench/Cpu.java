package vn.phonghop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a process from /proc/<pid>/stat (utime + stime, in clock ticks of 1/100 s on Linux). */
final class Cpu {
    private static final long TICK_MICROS = 10_000;

    private Cpu() {
    }

    static long self() {
        return micros(ProcessHandle.current().pid());
    }

    static long micros(long pid) {
        try {
            return micros(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime of a {@code stat} line (a process's or a thread's), in microseconds. */
    private static long micros(String stat) {
        // the command name (field 2) may hold spaces: count fields after its closing parenthesis
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_MICROS;
    }

    /** The command name of a {@code stat} line (field 2, in parentheses; it may hold spaces). */
    private static String command(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /**
     * CPU time of every live process with this command name (e.g. {@code postgres}: the database's
     * backends and its background writers), in microseconds. A process that ended meanwhile takes
     * its time with it: compare over a phase in which the ones that matter live throughout.
     */
    static long named(String command) {
        long sum = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                if (!proc.getFileName().toString().chars().allMatch(Character::isDigit)) continue;
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    if (command(stat).equals(command)) sum += micros(stat);
                } catch (IOException | RuntimeException gone) {
                    // a process that ended meanwhile
                }
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long selfCompilerMicros() {
        return compilerMicros(ProcessHandle.current().pid());
    }

    /** CPU time of the process's JIT compiler threads (C1 and C2), in microseconds. */
    static long compilerMicros(long pid) {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = command(stat);
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) sum += micros(stat);
                } catch (IOException | RuntimeException gone) {
                    // a thread that ended meanwhile
                }
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Resident bytes of a process outside the address range [from, to) (the Java heap's), from the
     * {@code Rss} of each mapping in /proc/<pid>/smaps; -1 when it cannot be read.
     */
    static long residentOutside(long pid, long from, long to) {
        try (var lines = Files.lines(Path.of("/proc", String.valueOf(pid), "smaps"))) {
            long sum = 0;
            boolean inside = false;
            for (String line : (Iterable<String>) lines::iterator) {
                int dash = line.indexOf('-');
                int space = line.indexOf(' ');
                if (dash > 0 && space > dash && line.substring(0, dash).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    long start = Long.parseUnsignedLong(line.substring(0, dash), 16);
                    inside = Long.compareUnsigned(start, from) >= 0 && Long.compareUnsigned(start, to) < 0;
                } else if (!inside && line.startsWith("Rss:")) {
                    sum += Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The one-minute load average, to say how quiet the machine was. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
