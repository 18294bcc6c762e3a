package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Every way a lost database reaches the error model is recognised (503); other failures are not. */
class DatabaseUnavailableTest {
  @Test
  void lostDatabaseFailures() {
    // Hikari: no connection within connection-timeout
    assertThat(DatabaseUnavailable.is(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out")))).isTrue();
    // a transaction that could not begin
    assertThat(DatabaseUnavailable.is(new CannotCreateTransactionException("Could not open JDBC Connection"))).isTrue();
    // the connection broken mid-query, PostgreSQL shutting down, restarting
    assertThat(DatabaseUnavailable.is(new DataAccessResourceFailureException("x",
        new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)))).isTrue();
    assertThat(DatabaseUnavailable.is(new UncategorizedSQLException("x", "SELECT 1",
        new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
    assertThat(DatabaseUnavailable.is(new UncategorizedSQLException("x", "SELECT 1",
        new SQLException("the database system is starting up", "57P03")))).isTrue();
    assertThat(DatabaseUnavailable.is(new TransientDataAccessResourceException("x"))).isTrue();
    // a rollback on a connection Hikari has already closed
    assertThat(DatabaseUnavailable.is(new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed")))).isTrue();
    // a plain exception whose cause is a refused socket
    assertThat(DatabaseUnavailable.is(new IllegalStateException(new java.net.ConnectException("refused")))).isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(DatabaseUnavailable.is(new DuplicateKeyException("x"))).isFalse();
    assertThat(DatabaseUnavailable.is(new BadSqlGrammarException("x", "SELECT", new SQLException("syntax", "42601"))))
        .isFalse();
    assertThat(DatabaseUnavailable.is(new IllegalArgumentException("bad"))).isFalse();
    assertThat(DatabaseUnavailable.is(new UncategorizedSQLException("x", "SELECT 1",
        new SQLException("division by zero", "22012")))).isFalse();
  }
}
