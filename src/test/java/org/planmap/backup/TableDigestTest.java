package org.planmap.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

class TableDigestTest {
  private static String digest(Object[]... rows) {
    TableDigest d = new TableDigest();
    for (Object[] r : rows) {
      d.add(r);
    }
    return d.hex();
  }

  @Test
  void rowOrderDoesNotMatterButEveryValueDoes() throws Exception {
    var square = new WKTReader().read("POLYGON ((86 41, 86.1 41, 86.1 41.1, 86 41))");
    Object[] a = {"p-1", 1L, 2.5, true, Instant.parse("2026-11-23T04:05:06.123456Z"), square};
    Object[] b = {"p-2", 2L, null, false, null, null};
    assertThat(digest(a, b)).isEqualTo(digest(b, a)).hasSize(64);
    assertThat(digest(a, b)).isNotEqualTo(digest(a));
    assertThat(digest(new Object[] {"p-1", 1L, 2.5000000000000004, true, a[4], square}, b)).isNotEqualTo(digest(a, b));
    assertThat(digest(new Object[] {"p-1", 1L, 2.5, true, Instant.parse("2026-11-23T04:05:06.123457Z"), square}, b))
        .isNotEqualTo(digest(a, b));
    assertThat(digest(new Object[] {"p-1", 1L, 2.5, true, a[4], new WKTReader().read(
        "POLYGON ((86.1 41, 86.1 41.1, 86 41, 86.1 41))")}, b)).as("the same ring from another vertex")
        .isNotEqualTo(digest(a, b));
  }

  @Test
  void textIsEscapedSoValuesCannotRunTogether() {
    assertThat(digest(new Object[] {"a\tb", "c"})).isNotEqualTo(digest(new Object[] {"a", "b\tc"}));
    assertThat(digest(new Object[] {"\\N"})).isNotEqualTo(digest(new Object[] {null}));
    assertThat(digest(new Object[] {"1"})).isNotEqualTo(digest(new Object[] {1L}));
    assertThat(digest()).isEqualTo("0".repeat(64));
  }
}
