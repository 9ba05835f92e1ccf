package dev.kitty.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's embedded binaries) on 127.0.0.1, as a child process.
 *
 * <p>Authentication: the {@code postgres} superuser is trusted on loopback (it only administers);
 * every other role must present its password (SCRAM), so a service configured with the wrong
 * password fails here as it would against a real server.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,62}");
    private static final String HBA = """
            # written by Kitty's EmbeddedPostgresServer on every start: edits here are overwritten
            local all postgres              trust
            local all all                   scram-sha-256
            host  all postgres 127.0.0.1/32 trust
            host  all all      127.0.0.1/32 scram-sha-256
            host  all postgres ::1/128      trust
            host  all all      ::1/128      scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final @Nullable Path temporaryRoot;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, @Nullable Path temporaryRoot) {
        this.postgres = postgres;
        this.temporaryRoot = temporaryRoot;
    }

    /**
     * Starts a server whose data survives restarts. The binaries are unpacked once into
     * {@code <dataDirectory>-binaries} (zonky keeps one binaries directory per JVM: the first
     * server started in a JVM decides where). A server left running on this data directory by a
     * launcher that was killed is stopped first.
     *
     * @param dataDirectory the cluster's data directory; initialised on first use
     * @param port          the port on 127.0.0.1; must be free
     * @param reset         wipe the data directory first
     * @throws PortInUseException when the port is taken
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean reset) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        Path binaries = data.resolveSibling(data.getFileName() + "-binaries");
        Orphans.stopPostmasterOf(data);
        Ports.requireFree("PostgreSQL", port);
        if (reset) {
            Directories.deleteRecursively(data);
        }
        Directories.create(data);
        var builder = builder(binaries, data, port).setCleanDataDirectory(false);
        return new EmbeddedPostgresServer(start(builder, data), null);
    }

    /** Starts a throw-away server on a free port; its data directory is deleted on {@link #close()}. */
    public static EmbeddedPostgresServer startTemporary() {
        Path root = Directories.createTemporary("kitty-pg-");
        Path data = root.resolve("data");
        // shared by every test JVM on the machine, so the binaries are unpacked once
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "kitty-embedded-pg");
        int port = Ports.freePort();
        var builder = builder(binaries, data, port)
                .setCleanDataDirectory(true)
                // durability is worthless for data deleted on close, and costs test time
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off");
        try {
            return new EmbeddedPostgresServer(start(builder, data), root);
        } catch (RuntimeException e) {
            Directories.deleteRecursively(root);
            throw e;
        }
    }

    private static EmbeddedPostgres.Builder builder(Path binaries, Path data, int port) {
        Directories.create(binaries);
        return EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.toFile())
                .setDataDirectory(data)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(30))
                // whoever started the server stops it, in order: zonky's own hook would stop it while
                // applications still close their connection pools (and wait out their timeouts)
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", Ports.LOOPBACK_HOST)
                // seven services, each with a Hikari pool, share one server on a dev box
                .setServerConfig("max_connections", "300")
                .setServerConfig("timezone", "UTC")
                .setDataDirectoryCustomizer(EmbeddedPostgresServer::writeHba);
    }

    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, Path data) {
        QuietLogging.apply();
        long started = System.nanoTime();
        try {
            EmbeddedPostgres postgres = builder.start();
            log.info("PostgreSQL ready on {}:{} in {} ms (data: {})", Ports.LOOPBACK_HOST, postgres.getPort(),
                    (System.nanoTime() - started) / 1_000_000, data);
            return postgres;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start (data: " + data
                    + "); logging.level.io.zonky=INFO shows its own output", e);
        }
    }

    private static void writeHba(File dataDirectory) {
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), HBA);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write pg_hba.conf in " + dataDirectory, e);
        }
    }

    /** The port on 127.0.0.1. */
    public int port() {
        return postgres.getPort();
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Ports.LOOPBACK_HOST + ":" + port() + "/" + database;
    }

    /**
     * Makes sure login role {@code user} exists with {@code password}, and database
     * {@code database} owned by it. Safe to call on every start: an existing role gets the given
     * password (so a changed configuration keeps working), an existing database is left alone.
     *
     * @throws IllegalArgumentException when a name is not a plain identifier (letters, digits, _ and -)
     */
    public synchronized void ensureDatabase(String database, String user, String password) {
        String db = quoteIdentifier(database);
        String role = quoteIdentifier(user);
        try (Connection connection = DriverManager.getConnection(jdbcUrl(SUPERUSER), SUPERUSER, "");
             Statement statement = connection.createStatement()) {
            String passwordLiteral = "'" + password.replace("'", "''") + "'";
            if (exists(connection, "select 1 from pg_roles where rolname = ?", user)) {
                statement.execute("alter role " + role + " with login password " + passwordLiteral);
            } else {
                statement.execute("create role " + role + " with login password " + passwordLiteral);
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                // CREATE DATABASE cannot run in a transaction block: auto-commit must stay on
                statement.execute("create database " + db + " owner " + role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot ensure database " + database + " for " + user, e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (var statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (var result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    private static String quoteIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain identifier: '" + name + "'");
        }
        return '"' + name + '"';
    }

    /** Stops the server (fast shutdown); a temporary server's files are deleted. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("PostgreSQL on port {} did not stop cleanly", port(), e);
        }
        if (temporaryRoot != null) {
            Directories.deleteRecursively(temporaryRoot);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[" + Ports.LOOPBACK_HOST + ":" + port() + "]";
    }

    /**
     * pg_ctl starts the postmaster detached, so it outlives a launcher killed with SIGKILL and
     * then holds both the port and the data directory. Such an orphan is recognised by the
     * {@code postmaster.pid} in our data directory naming a live {@code postgres -D <our data>}.
     */
    static final class Orphans {

        private Orphans() {
        }

        static void stopPostmasterOf(Path data) {
            Path pidFile = data.resolve("postmaster.pid");
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            long pid;
            try {
                pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            } catch (IOException | RuntimeException e) {
                return; // unreadable or half-written: PostgreSQL itself will judge it
            }
            var postmaster = ProcessHandle.of(pid)
                    .map(ProcessHandle::info)
                    .filter(info -> info.command().filter(command -> command.endsWith("/postgres")).isPresent())
                    .filter(info -> info.arguments().filter(arguments -> List.of(arguments).contains(data.toString())).isPresent())
                    .flatMap(ProcessHandle.Info::command);
            if (postmaster.isEmpty()) {
                return; // stale pid file of a dead server: PostgreSQL ignores it on start
            }
            if (ownedByALiveLauncher(data)) {
                return; // a second launcher must fail on the port, not stop the first one's database
            }
            Path pgCtl = Path.of(postmaster.get()).resolveSibling("pg_ctl");
            log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier launcher", pid, data);
            try {
                Process stop = new ProcessBuilder(pgCtlCommand(pgCtl, "-D", data.toString(), "stop", "-m", "fast", "-w", "-t", "30"))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (stop.waitFor() != 0) {
                    log.warn("pg_ctl stop exited with {}", stop.exitValue());
                }
            } catch (IOException e) {
                log.warn("Cannot run {}", pgCtl, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * PostgreSQL refuses to run as root; zonky then runs it in a fresh user namespace
         * ({@code unshare -U}), and so must we.
         */
        static List<String> pgCtlCommand(Path pgCtl, String... arguments) {
            var command = new ArrayList<String>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("unshare", "-U"));
            }
            command.add(pgCtl.toString());
            command.addAll(List.of(arguments));
            return command;
        }

        // zonky holds a file lock on <data>/epg-lock for as long as its JVM runs the server
        private static boolean ownedByALiveLauncher(Path data) {
            try (var channel = FileChannel.open(data.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 var lock = channel.tryLock()) {
                return lock == null;
            } catch (OverlappingFileLockException | IOException e) {
                return true; // held in this JVM, or undecidable: leave it alone
            }
        }
    }
}
