package dev.kitty.platform.test;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/** The JVM's test database on the embedded PostgreSQL server. */
record EmbeddedJdbcConnectionDetails(String jdbcUrl, String username, String password) implements JdbcConnectionDetails {

    @Override
    public String getJdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getPassword() {
        return password;
    }
}
