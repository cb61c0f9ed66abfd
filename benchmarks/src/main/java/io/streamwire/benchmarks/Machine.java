package io.streamwire.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** One line naming the machine, JDK and date of a run, recorded beside every result. */
final class Machine {
    private Machine() {}

    static String describe() {
        String cpu = field("/proc/cpuinfo", "model name");
        String memory = field("/proc/meminfo", "MemTotal");
        return LocalDate.now(ZoneOffset.UTC) + ", " + (cpu.isEmpty() ? System.getProperty("os.arch") : cpu)
                + ", " + Runtime.getRuntime().availableProcessors() + " CPUs"
                + (memory.isEmpty() ? "" : ", " + Math.round(Long.parseLong(memory.replaceAll("[^0-9]", "")) / 1048576.0) + " GiB")
                + ", " + System.getProperty("java.vm.name") + " " + Runtime.version()
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    private static String field(String file, String name) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(name))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
