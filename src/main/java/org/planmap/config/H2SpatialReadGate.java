package org.planmap.config;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Works around a defect of H2 2.x (2.4.240) on the embedded store. A query that reads through a spatial index
 * ({@code geom && …}) tests each index entry against the newest committed state ({@code MVSpatialIndex}'s key
 * iterator calls {@code TransactionMap.containsKey}) but fetches the row from the snapshot taken when the statement
 * began ({@code MVPrimaryIndex.getRow} → {@code getFromSnapshot}). A row that another connection commits in between
 * is then "not found in primary index"; H2 re-runs the whole statement, and under a steady stream of edits in the
 * same area keeps re-running it until {@code LOCK_TIMEOUT}, failing with "Timeout trying to lock table" — which
 * Planmap answered 503 under 50 clients ({@code LoadH2gisTest}).
 *
 * <p>The gate keeps commits out of spatial reads: a statement whose SQL reads through a spatial index runs under
 * the shared side of a fair read-write lock, every commit under the exclusive side. Statements in auto-commit mode
 * that write are run as a one-statement transaction so that only their commit, not their (possibly waiting)
 * execution, takes the exclusive side. Each side is held for one JDBC call and never nested, so the gate cannot
 * deadlock; spatial reads still run in parallel with each other and with uncommitted writes. Only the embedded
 * store gets the gate; PostgreSQL's GiST reads are snapshot-consistent.
 */
@Component
class H2SpatialReadGate implements BeanPostProcessor {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (bean instanceof HikariDataSource h && h.getJdbcUrl() != null && h.getJdbcUrl().startsWith("jdbc:h2:")) {
      return new GatedDataSource(h);
    }
    return bean;
  }

  /** Whether a query reads through a spatial index: the {@code &&} operator is the only thing H2 uses it for. */
  static boolean spatialRead(String sql) {
    return sql != null && sql.contains("&&") && (startsWith(sql, "SELECT") || startsWith(sql, "WITH"));
  }

  /**
   * Whether a statement changes rows (DML; a batch without SQL counts as one). DDL and commands such as
   * {@code SHUTDOWN} pass ungated: H2 commits DDL itself, and Planmap runs it only at start-up and restore.
   */
  static boolean write(String sql) {
    return sql == null || startsWith(sql, "INSERT") || startsWith(sql, "UPDATE") || startsWith(sql, "DELETE")
        || startsWith(sql, "MERGE");
  }

  /** Whether {@code sql}, after leading white space, begins with {@code keyword} (any case), without copying it. */
  private static boolean startsWith(String sql, String keyword) {
    int i = 0;
    while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
      i++;
    }
    return sql.regionMatches(true, i, keyword, 0, keyword.length());
  }

  private final class GatedDataSource extends DelegatingDataSource {
    GatedDataSource(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return gated(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return gated(super.getConnection(username, password));
    }

    @Override
    public String toString() {
      return "H2SpatialReadGate(" + getTargetDataSource() + ")";
    }
  }

  private Connection gated(Connection c) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        new ConnectionHandler(c));
  }

  private final class ConnectionHandler implements InvocationHandler {
    private final Connection target;

    ConnectionHandler(Connection target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
      switch (m.getName()) {
        case "commit":
          return locked(lock.writeLock(), m, target, args);
        case "setAutoCommit":
          // switching auto-commit on commits the open transaction
          return Boolean.TRUE.equals(args[0]) && !target.getAutoCommit() ? locked(lock.writeLock(), m, target, args)
              : call(m, target, args);
        case "prepareStatement":
          return statement(proxy, (Statement) call(m, target, args), (String) args[0]);
        case "createStatement":
          return statement(proxy, (Statement) call(m, target, args), null);
        default:
          return call(m, target, args);
      }
    }

    private Object statement(Object connection, Statement s, String sql) {
      Class<?> type = s instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
      return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type},
          new StatementHandler(target, connection, s, sql));
    }
  }

  private final class StatementHandler implements InvocationHandler {
    private final Connection connection;
    private final Object connectionProxy;
    private final Statement target;
    private final String prepared;

    StatementHandler(Connection connection, Object connectionProxy, Statement target, String prepared) {
      this.connection = connection;
      this.connectionProxy = connectionProxy;
      this.target = target;
      this.prepared = prepared;
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
      if (m.getName().equals("getConnection")) {
        return connectionProxy;
      }
      if (!m.getName().startsWith("execute")) {
        return call(m, target, args);
      }
      String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : prepared;
      if (spatialRead(sql)) {
        return locked(lock.readLock(), m, target, args);
      }
      if (write(sql) && connection.getAutoCommit()) {
        return asOneStatementTransaction(m, args);
      }
      return call(m, target, args);
    }

    private Object asOneStatementTransaction(Method m, Object[] args) throws Throwable {
      connection.setAutoCommit(false);
      try {
        Object result = call(m, target, args);
        locked(lock.writeLock(), Connection.class.getMethod("commit"), connection, null);
        return result;
      } catch (Throwable t) {
        try {
          connection.rollback();
        } catch (SQLException nested) {
          t.addSuppressed(nested);
        }
        throw t;
      } finally {
        if (!connection.isClosed()) {
          connection.setAutoCommit(true); // nothing is pending any more: this commits nothing
        }
      }
    }
  }

  private static Object locked(Lock l, Method m, Object target, Object[] args) throws Throwable {
    l.lock();
    try {
      return call(m, target, args);
    } finally {
      l.unlock();
    }
  }

  private static Object call(Method m, Object target, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
