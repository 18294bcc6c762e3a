package org.planmap.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database cannot be reached (down, restarting, connections cut, pool exhausted), which
 * Planmap answers with 503 rather than 500: whatever wraps it (Spring's translation, a transaction that could not
 * begin or commit, a security filter), the cause chain tells.
 */
public final class DatabaseUnavailable {
  private DatabaseUnavailable() {}

  public static boolean is(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
          || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException s && (s.getSQLState() != null && lostConnection(s.getSQLState())
          || "Connection is closed".equals(s.getMessage()))) { // HikariCP's closed proxy, no SQLSTATE
        return true;
      }
      // a JDBC commit or rollback that failed: the connection is gone; the failure that led to the rollback
      // is kept aside as the application exception
      if (t instanceof TransactionSystemException x && (x.getCause() instanceof SQLException
          || x.getApplicationException() != null && is(x.getApplicationException()))) {
        return true;
      }
      if (t instanceof java.net.ConnectException || t instanceof java.io.EOFException
          || t instanceof java.net.SocketException) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQLSTATE classes of a lost database: 08 connection exception, 57P01-57P03 the server shutting down or starting,
   * 53 insufficient resources (too many connections).
   */
  private static boolean lostConnection(String state) {
    return state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
        || state.equals("90067") /* H2: connection broken */ || state.equals("90098") /* H2: database closed */;
  }
}
