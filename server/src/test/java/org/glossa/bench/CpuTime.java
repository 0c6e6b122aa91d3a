package org.glossa.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time for the benchmarks' printouts: of this JVM, and of the PostgreSQL server processes serving one database. */
public final class CpuTime {

    private CpuTime() {
    }

    /** This JVM's CPU time so far, in seconds (-1 where the platform does not tell). */
    public static double jvm() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
    }

    /**
     * The CPU time (user and system) of the PostgreSQL server processes that serve database {@code db}, when they run on
     * this machine and Linux shows them (-1 otherwise): each process's title names its database.
     */
    public static double postgres(String db) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return -1;
        }
        double seconds = 0;
        try (var processes = Files.list(proc)) {
            for (Path dir : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String title = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (!title.startsWith("postgres: ") || !title.contains(" " + db + " ")) {
                        continue;
                    }
                    String stat = Files.readString(dir.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended meanwhile, or is not ours to read
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return seconds;
    }
}
