package org.planmap.geo;

/** A lon/lat bounding box (CRS84), validated. */
public record BBox(double minLon, double minLat, double maxLon, double maxLat) {

  public BBox {
    check(Double.isFinite(minLon) && Double.isFinite(minLat) && Double.isFinite(maxLon) && Double.isFinite(maxLat),
        "bbox values must be finite numbers");
    check(minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90,
        "bbox must lie within longitude -180..180 and latitude -90..90");
    check(minLon <= maxLon, "bbox minimum longitude is larger than its maximum (crossing the antimeridian is not supported)");
    check(minLat <= maxLat, "bbox minimum latitude is larger than its maximum");
  }

  /**
   * Parses the OGC API {@code bbox} parameter: four numbers (2D) or six (3D, heights ignored).
   *
   * @throws IllegalArgumentException with a message a user can act on
   */
  public static BBox parse(String text) {
    String[] parts = text.split(",", -1);
    check(parts.length == 4 || parts.length == 6,
        "bbox needs 4 comma-separated numbers: minLon,minLat,maxLon,maxLat (got " + parts.length + ")");
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bbox value '" + parts[i].trim() + "' is not a number");
      }
    }
    return parts.length == 4 ? new BBox(v[0], v[1], v[2], v[3]) : new BBox(v[0], v[1], v[3], v[4]);
  }

  public double[] toArray() {
    return new double[] {minLon, minLat, maxLon, maxLat};
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
