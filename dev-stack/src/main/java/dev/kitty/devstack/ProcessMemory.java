package dev.kitty.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** Resident memory of a process, from {@code /proc/<pid>/status} (Linux only). */
final class ProcessMemory {

    private ProcessMemory() {
    }

    static OptionalLong residentMegabytes(long pid) {
        try {
            return residentMegabytes(Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")));
        }
        catch (IOException | RuntimeException ex) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong residentMegabytes(List<String> status) {
        for (String line : status) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                return OptionalLong.of(Math.round(Long.parseLong(parts[0]) / 1024.0));
            }
        }
        return OptionalLong.empty();
    }

}
