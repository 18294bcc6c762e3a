package org.planmap.backup;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;

/**
 * Row count and checksum of a table over a canonical text form of its rows: each row is one line (values
 * tab-separated, text escaped, numbers in Java's shortest exact form, instants as ISO-8601 UTC, geometry as
 * big-endian WKB hex) hashed with SHA-256; the row hashes are added modulo 2^256, so the checksum does not depend
 * on row order (the stores sort text differently). Equal checksums mean equal rows, value for value.
 */
public final class TableDigest {
  private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);
  private final MessageDigest sha;
  private BigInteger sum = BigInteger.ZERO;
  private long rows;

  public TableDigest() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds one row of canonical values (String, Long, Double, Boolean, Instant, Geometry or null). */
  public void add(Object[] row) {
    sha.reset();
    sha.update(line(row).getBytes(StandardCharsets.UTF_8));
    sum = sum.add(new BigInteger(1, sha.digest())).mod(MOD);
    rows++;
  }

  public long rows() {
    return rows;
  }

  /** The checksum as 64 hex digits. */
  public String hex() {
    String h = sum.toString(16);
    return "0".repeat(64 - h.length()) + h;
  }

  static String line(Object[] row) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        b.append('\t');
      }
      b.append(text(row[i]));
    }
    return b.toString();
  }

  static String text(Object v) {
    if (v == null) {
      return "\\N";
    }
    if (v instanceof String s) {
      return "'" + s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
    if (v instanceof Boolean b) {
      return b ? "t" : "f";
    }
    if (v instanceof Geometry g) {
      return g.getGeometryType() + ":" + HexFormat.of().formatHex(BackupValues.wkb(g, ByteOrderValues.BIG_ENDIAN));
    }
    if (v instanceof Instant || v instanceof Long || v instanceof Double) {
      return v.toString();
    }
    throw new IllegalArgumentException("not a canonical value: " + v.getClass().getSimpleName());
  }
}
