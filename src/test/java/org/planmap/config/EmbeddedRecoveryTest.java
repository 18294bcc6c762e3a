package org.planmap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that dies while a transaction has written a geometry (SPATIAL index) but not committed, after another
 * session's commit wrote the store: H2 2.4.240 itself cannot open the file again (ClassCastException
 * ValueDataType → SpatialDataType while reading the undo log); after {@link EmbeddedRecovery#prepare} it opens, the
 * unfinished transaction rolled back and the committed one kept.
 */
class EmbeddedRecoveryTest {

  @Test
  void spatialIndexUndoLogLeftByAKilledProcessNoLongerStopsTheDatabaseFromOpening(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("db") + ";LOCK_TIMEOUT=10000";
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        HaltWithOpenTransaction.class.getName(), url).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.exitValue()).as(out).isEqualTo(9);

    Path copy = dir.resolve("untouched.mv.db");
    Files.copy(dir.resolve("db.mv.db"), copy);
    assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
        .as("H2 opens the file by itself now: its R-tree undo-log bug is fixed and EmbeddedRecovery may go")
        .isInstanceOf(SQLException.class).hasMessageContaining("SpatialDataType");
    Files.copy(copy, dir.resolve("db.mv.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThat(EmbeddedRecovery.prepare(url)).isEqualTo(1);
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      assertThat(ids(s, "SELECT id FROM t WHERE g && CAST('POLYGON((-1 -1, 100 -1, 100 100, -1 100, -1 -1))' AS GEOMETRY)")).containsExactly(1);
      assertThat(ids(s, "SELECT id FROM t ORDER BY id")).containsExactly(1);
      assertThat(ids(s, "SELECT id FROM u")).containsExactly(7);
      s.execute("INSERT INTO t VALUES (3, 'POLYGON((5 5, 6 5, 6 6, 5 6, 5 5))')");
      assertThat(ids(s, "SELECT id FROM t WHERE g && CAST('POLYGON((4 4, 7 4, 7 7, 4 7, 4 4))' AS GEOMETRY)")).containsExactly(3);
    }
    assertThat(EmbeddedRecovery.prepare(url)).as("a normally closed file has nothing to end").isZero();
  }

  @Test
  void onlyEmbeddedFileUrlsHaveAStoreFile() {
    assertThat(EmbeddedRecovery.storeFile("jdbc:h2:file:./data/planmap;LOCK_TIMEOUT=10000"))
        .contains(Path.of("./data/planmap.mv.db"));
    assertThat(EmbeddedRecovery.storeFile("jdbc:h2:/srv/planmap")).contains(Path.of("/srv/planmap.mv.db"));
    assertThat(EmbeddedRecovery.storeFile("jdbc:h2:~/planmap"))
        .contains(Path.of(System.getProperty("user.home") + "/planmap.mv.db"));
    assertThat(EmbeddedRecovery.storeFile("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
    assertThat(EmbeddedRecovery.storeFile("jdbc:h2:tcp://localhost/~/planmap")).isEmpty();
    assertThat(EmbeddedRecovery.storeFile("jdbc:h2:file:./x;CIPHER=AES")).isEmpty();
    assertThat(EmbeddedRecovery.storeFile("jdbc:postgresql://localhost/planmap")).isEmpty();
  }

  private static List<Integer> ids(Statement s, String sql) throws SQLException {
    List<Integer> ids = new java.util.ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        ids.add(rs.getInt(1));
      }
    }
    return ids;
  }

  /** Child JVM: one committed row, then a geometry written but not committed, another session commits, halt. */
  public static final class HaltWithOpenTransaction {
    public static void main(String[] args) throws Exception {
      Connection a = DriverManager.getConnection(args[0], "sa", "");
      Statement s = a.createStatement();
      s.execute("CREATE TABLE t (id INT PRIMARY KEY, g GEOMETRY)");
      s.execute("CREATE SPATIAL INDEX t_g ON t (g)");
      s.execute("CREATE TABLE u (id INT PRIMARY KEY)");
      s.execute("SET WRITE_DELAY 0");
      s.execute("INSERT INTO t VALUES (1, 'POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))')");
      Connection b = DriverManager.getConnection(args[0], "sa", "");
      b.setAutoCommit(false);
      b.createStatement().execute("INSERT INTO t VALUES (2, 'POLYGON((2 2, 3 2, 3 3, 2 3, 2 2))')");
      s.execute("INSERT INTO u VALUES (7)"); // commits, and so writes the store with b's undo log in it
      Runtime.getRuntime().halt(9); // as kill -9: no shutdown hook, no close
    }
  }
}
