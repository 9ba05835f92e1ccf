package dev.kitty.devstack;

/** Prefixes each line of a service's output with its name, padded so that the output lines up. */
final class LogPrefixer {

    private static final String RESET = "\u001B[0m";

    /** Cyan, green, yellow, blue, magenta, bright red, bright cyan...: red stays free for the launcher's errors. */
    private static final int[] COLORS = { 36, 32, 33, 34, 35, 91, 96, 92, 93, 94, 95 };

    private final int width;

    private final boolean ansi;

    LogPrefixer(int width, boolean ansi) {
        this.width = width;
        this.ansi = ansi;
    }

    static LogPrefixer forServices(boolean ansi) {
        return new LogPrefixer(Service.longestName(), ansi);
    }

    String prefix(String name, int colorIndex, String line) {
        String padded = name + " ".repeat(Math.max(0, this.width - name.length()));
        if (!this.ansi) {
            return padded + " | " + line;
        }
        int color = COLORS[Math.floorMod(colorIndex, COLORS.length)];
        return "\u001B[" + color + "m" + padded + " |" + RESET + " " + line;
    }

    /**
     * Colors only when a person watches: standard output is a terminal and {@code NO_COLOR} is not set.
     * {@code Console.isTerminal()} (JDK 22+) is looked up reflectively because the launcher is compiled for 21.
     */
    static boolean ansiSupported() {
        if (System.getenv("NO_COLOR") != null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            return true;
        }
    }

}
