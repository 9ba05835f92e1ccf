package dev.kitty.devstack;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One service's output: echoed line by line with its prefix, written to {@code <logs>/<service>.log}, and
 * its last lines kept in memory to explain a failure.
 */
final class ServiceLog {

    static final int TAIL_LINES = 300;

    private final String name;

    private final int colorIndex;

    private final LogPrefixer prefixer;

    private final @Nullable PrintStream echo;

    private final @Nullable Path file;

    private final Deque<String> tail = new ArrayDeque<>();

    private final AtomicInteger pumps = new AtomicInteger();

    ServiceLog(String name, int colorIndex, LogPrefixer prefixer, @Nullable PrintStream echo, @Nullable Path file) {
        this.name = name;
        this.colorIndex = colorIndex;
        this.prefixer = prefixer;
        this.echo = echo;
        this.file = file;
    }

    /**
     * Reads the stream to its end on a daemon thread. The first process of a service starts its log file afresh; a
     * restarted one (a fault test's) appends to it.
     */
    Thread pump(InputStream output) {
        boolean append = this.pumps.getAndIncrement() > 0;
        Thread thread = new Thread(() -> copy(output, append), "log-" + this.name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    void copy(InputStream output) {
        copy(output, false);
    }

    private void copy(InputStream output, boolean append) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
                BufferedWriter writer = (this.file != null) ? Files.newBufferedWriter(this.file, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)
                        : null) {
            String line;
            while ((line = reader.readLine()) != null) {
                accept(line);
                if (writer != null) {
                    writer.write(line);
                    writer.newLine();
                    writer.flush();
                }
            }
        }
        catch (IOException ex) {
            // the process ended and its pipe was closed under the reader: nothing more to read
        }
    }

    void accept(String line) {
        synchronized (this.tail) {
            if (this.tail.size() == TAIL_LINES) {
                this.tail.removeFirst();
            }
            this.tail.addLast(line);
        }
        if (this.echo != null) {
            String prefixed = this.prefixer.prefix(this.name, this.colorIndex, line);
            synchronized (this.echo) {
                this.echo.println(prefixed);
            }
        }
    }

    List<String> tail(int lines) {
        synchronized (this.tail) {
            List<String> all = new ArrayList<>(this.tail);
            return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    @Nullable Path file() {
        return this.file;
    }

}
