package dev.kitty.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIT {

    static EmbeddedPostgresServer server;

    @BeforeAll
    static void start() {
        server = EmbeddedPostgresServer.startTemporary();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createdUserLogsInToItsOwnDatabaseAndOwnsIt() throws SQLException {
        server.ensureDatabase("budget", "budget_app", "s3cret'pw");

        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("budget"), "budget_app", "s3cret'pw");
             var statement = connection.createStatement()) {
            statement.execute("create table budget (id int primary key)");
            statement.execute("insert into budget values (1)");
            var result = statement.executeQuery("select current_user, current_database(), count(*) from budget");
            result.next();
            assertThat(result.getString(1)).isEqualTo("budget_app");
            assertThat(result.getString(2)).isEqualTo("budget");
            assertThat(result.getInt(3)).isEqualTo(1);
        }
    }

    @Test
    void ensureDatabaseIsIdempotentAndKeepsTheData() throws SQLException {
        server.ensureDatabase("again", "again_app", "first");
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("again"), "again_app", "first")) {
            connection.createStatement().execute("create table kept (id int)");
        }

        server.ensureDatabase("again", "again_app", "first");
        server.ensureDatabase("again", "again_app", "second");

        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("again"), "again_app", "second")) {
            assertThat(connection.createStatement().executeQuery("select count(*) from kept").next()).isTrue();
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        server.ensureDatabase("guarded", "guarded_app", "right");

        assertThatExceptionOfType(SQLException.class)
                .isThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("guarded"), "guarded_app", "wrong").close())
                .withMessageContaining("password authentication failed");
    }

    @Test
    void rejectsNamesThatAreNotPlainIdentifiers() {
        assertThatIllegalArgumentException().isThrownBy(() -> server.ensureDatabase("x; drop database postgres", "u", "p"));
        assertThatIllegalArgumentException().isThrownBy(() -> server.ensureDatabase("ok", "a\"b", "p"));
    }

    @Test
    void jdbcUrlPointsAtLoopback() {
        assertThat(server.jdbcUrl("kitty")).isEqualTo("jdbc:postgresql://127.0.0.1:" + server.port() + "/kitty");
    }

    @Test
    void dataSurvivesARestartOnTheSameDirectoryAndResetWipesIt(@TempDir Path directory) throws SQLException {
        Path data = directory.resolve("postgres");
        int port = Ports.freePort();
        try (var first = EmbeddedPostgresServer.start(data, port, false)) {
            first.ensureDatabase("persist", "persist_app", "pw");
            try (Connection connection = DriverManager.getConnection(first.jdbcUrl("persist"), "persist_app", "pw")) {
                connection.createStatement().execute("create table note (text varchar(20)); insert into note values ('kept')");
            }
        }

        try (var second = EmbeddedPostgresServer.start(data, port, false);
             Connection connection = DriverManager.getConnection(second.jdbcUrl("persist"), "persist_app", "pw")) {
            var result = connection.createStatement().executeQuery("select text from note");
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("kept");
        }

        try (var reset = EmbeddedPostgresServer.start(data, port, true);
             Connection connection = DriverManager.getConnection(reset.jdbcUrl("postgres"), "postgres", "")) {
            var result = connection.createStatement().executeQuery("select 1 from pg_database where datname = 'persist'");
            assertThat(result.next()).isFalse();
        }
    }

    @Test
    void stopsAServerThatAKilledLauncherLeftRunningOnTheSameDataDirectory(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("postgres");
        int port = Ports.freePort();
        Path pgCtl;
        try (var first = EmbeddedPostgresServer.start(data, port, false)) {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst());
            pgCtl = Path.of(ProcessHandle.of(pid).orElseThrow().info().command().orElseThrow()).resolveSibling("pg_ctl");
        }
        // what a SIGKILLed launcher leaves behind: a detached postmaster holding port and data directory
        var orphan = new ProcessBuilder(EmbeddedPostgresServer.Orphans.pgCtlCommand(pgCtl, "-D", data.toString(), "-o", "-p " + port, "-w", "start"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(orphan.waitFor()).isZero();

        try (var server = EmbeddedPostgresServer.start(data, port, false);
             Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "")) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    @Test
    void refusesToStartOnATakenPortInsteadOfTalkingToItsHolder(@TempDir Path directory) throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatExceptionOfType(PortInUseException.class)
                    .isThrownBy(() -> EmbeddedPostgresServer.start(directory.resolve("pg"), taken.getLocalPort(), false))
                    .withMessageContaining(String.valueOf(taken.getLocalPort()))
                    .withMessageContaining("PostgreSQL");
        }
    }

    @Test
    void refusesThePortOfAnotherRunningServer(@TempDir Path directory) {
        assertThatExceptionOfType(PortInUseException.class)
                .isThrownBy(() -> EmbeddedPostgresServer.start(directory.resolve("pg"), server.port(), false));
    }
}
