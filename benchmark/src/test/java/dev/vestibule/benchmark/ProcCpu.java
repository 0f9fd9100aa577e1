package dev.vestibule.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * CPU time as Linux's {@code /proc} counts it, in clock ticks (100 per second on every Linux the benchmark
 * runs on): of one JVM's JIT compiler threads, and of the whole machine. Elsewhere the readings are empty and
 * the benchmark falls back to fixed waits.
 */
final class ProcCpu {

    static final double TICKS_PER_SECOND = 100;

    private ProcCpu() {}

    /** CPU ticks the JIT compiler threads (HotSpot's "C1/C2 CompilerThread") of process {@code pid} have used. */
    static OptionalLong compilerTicks(long pid) {
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : threads) {
                try {
                    if (Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                        ticks += userAndSystemTicks(Files.readString(thread.resolve("stat")));
                    }
                } catch (IOException threadEnded) {
                    // Compiler threads come and go with the JIT's load; one that just ended has nothing more to count.
                }
            }
            return OptionalLong.of(ticks);
        } catch (IOException | RuntimeException notLinux) {
            return OptionalLong.empty();
        }
    }

    /** The machine's CPU ticks so far ({@code /proc/stat}, all cores), or empty. */
    static Optional<MachineTicks> machineTicks() {
        try {
            String[] fields =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return Optional.of(new MachineTicks(total - idle, total));
        } catch (IOException | RuntimeException notLinux) {
            return Optional.empty();
        }
    }

    /** Busy and total ticks of every core together. */
    record MachineTicks(long busy, long total) {

        /** The share of the machine that was busy between {@code earlier} and this reading. */
        double busyShareSince(MachineTicks earlier) {
            long elapsed = total - earlier.total;
            return elapsed <= 0 ? 0 : (double) (busy - earlier.busy) / elapsed;
        }
    }

    /** utime + stime of a {@code /proc/.../stat} line; the command name in parentheses may hold spaces. */
    private static long userAndSystemTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
