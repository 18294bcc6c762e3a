package org.planmap.generate;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.planmap.geo.Geometries;

/**
 * Lays parcels out around anchors on one lattice of about 120 m cells, spiralling out from each anchor; every
 * fourth row and column is left as a street, so parcels come in blocks of 3 × 3. A lattice cell is used at most
 * once, so parcels of neighbouring anchors never overlap. Corners are jittered and some corners cut, so parcels
 * are irregular quadrilaterals and pentagons. Deterministic for a given seed.
 */
final class ParcelLayout {
  static final double CELL_LON = 0.0015;
  static final double CELL_LAT = 0.0011;
  private static final double M_PER_DEG = 111_320;
  private static final int MAX_RING = 1500;
  private final Random random;
  private final Set<Long> used = new HashSet<>();
  private long serial;

  ParcelLayout(long seed) {
    this.random = new Random(seed);
  }

  /** Generates {@code n} parcels shared out over the anchors in turn, handing each to {@code sink}. */
  void generate(List<Anchor> anchors, long n, Consumer<GeneratedParcel> sink) {
    if (anchors.isEmpty()) {
      throw new IllegalStateException("no parks or seats to generate parcels around: load the plans first");
    }
    long owed = 0;
    for (int a = 0; a < anchors.size(); a++) {
      long share = n / anchors.size() + (a < n % anchors.size() ? 1 : 0) + owed;
      owed = share - around(anchors.get(a), share, sink);
    }
    if (owed > 0) {
      throw new IllegalStateException(owed + " parcels found no room within " + MAX_RING + " cells of the anchors");
    }
  }

  /** @return how many parcels were placed (fewer than asked when the territory around the anchor is full) */
  private long around(Anchor anchor, long count, Consumer<GeneratedParcel> sink) {
    long cx = Math.round(anchor.lon() / CELL_LON);
    long cy = Math.round(anchor.lat() / CELL_LAT);
    long made = 0;
    for (int ring = 0; made < count && ring <= MAX_RING; ring++) {
      for (int dx = -ring; dx <= ring && made < count; dx++) {
        for (int dy = -ring; dy <= ring && made < count; dy++) {
          if (Math.max(Math.abs(dx), Math.abs(dy)) == ring && take(anchor, cx + dx, cy + dy)) {
            sink.accept(parcel(anchor, cx + dx, cy + dy));
            made++;
          }
        }
      }
    }
    return made;
  }

  /** Claims a lattice cell that is not a street, not yet used and inside the anchor's territory. */
  private boolean take(Anchor anchor, long i, long j) {
    if (Math.floorMod(i, 4) == 0 || Math.floorMod(j, 4) == 0 || used.contains(key(i, j))) {
      return false;
    }
    Point centre = Geometries.FACTORY.createPoint(new Coordinate((i + 0.5) * CELL_LON, (j + 0.5) * CELL_LAT));
    return anchor.territory().contains(centre) && used.add(key(i, j));
  }

  private static long key(long i, long j) {
    return i * 4_000_003L + j;
  }

  private GeneratedParcel parcel(Anchor anchor, long i, long j) {
    Polygon shape = shape(i * CELL_LON, j * CELL_LAT);
    LandUse use = LandUse.pick(random);
    double lat = j * CELL_LAT;
    double area = shape.getArea() * M_PER_DEG * M_PER_DEG * Math.cos(Math.toRadians(lat));
    String id = String.format("gen-%07d", ++serial);
    String name = anchor.label() + " " + use.name() + " " + String.format("%07d", serial);
    Double height = use.heightLimit() > 0 ? use.heightLimit() : null;
    return new GeneratedParcel(id, anchor.plan(), anchor.parkId(), name, use, LandUse.draw(use.far(), random),
        LandUse.draw(use.density(), random), LandUse.draw(use.green(), random), height,
        Math.round(area * 10) / 10.0, shape);
  }

  /** A jittered quadrilateral (sometimes with a cut corner) inside the cell whose south-west corner is given. */
  private Polygon shape(double x0, double y0) {
    double[][] corners = {{0.06, 0.06}, {0.94, 0.06}, {0.94, 0.94}, {0.06, 0.94}};
    int cut = random.nextDouble() < 0.15 ? random.nextInt(4) : -1;
    Coordinate[] ring = new Coordinate[cut < 0 ? 5 : 6];
    int k = 0;
    for (int c = 0; c < 4; c++) {
      double fx = corners[c][0] + jitter();
      double fy = corners[c][1] + jitter();
      if (c == cut) {
        double back = 0.25;
        double[] prev = corners[(c + 3) % 4];
        double[] next = corners[(c + 1) % 4];
        ring[k++] = at(x0, y0, fx + (prev[0] - fx) * back, fy + (prev[1] - fy) * back);
        ring[k++] = at(x0, y0, fx + (next[0] - fx) * back, fy + (next[1] - fy) * back);
      } else {
        ring[k++] = at(x0, y0, fx, fy);
      }
    }
    ring[k] = ring[0].copy();
    return Geometries.FACTORY.createPolygon(ring);
  }

  private double jitter() {
    return (random.nextDouble() - 0.5) * 0.08;
  }

  private static Coordinate at(double x0, double y0, double fx, double fy) {
    return new Coordinate(round(x0 + fx * CELL_LON), round(y0 + fy * CELL_LAT));
  }

  private static double round(double degrees) {
    return Math.round(degrees * 1e7) / 1e7;
  }
}
