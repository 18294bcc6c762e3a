package org.planmap.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.Geometries;
import org.planmap.web.ApiException;

/** The exchange CRSs: .prj recognition (ESRI and OGC WKT), zones, and projection round trips. */
class ExchangeCrsTest {
  @Test
  void recognisesEsriAndOgcPrjFiles() {
    for (int epsg : new int[] {4326, 4490, 4513, 4534, 4538, 4554}) {
      assertThat(ExchangeCrs.fromPrj(new ExchangeCrs(epsg).prj())).isEqualTo(new ExchangeCrs(epsg));
    }
    assertThat(ExchangeCrs.fromPrj("PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 84E\",GEOGCS[\"China Geodetic"
        + " Coordinate System 2000\"],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"central_meridian\",84],"
        + "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",500000],UNIT[\"metre\",1],"
        + "AUTHORITY[\"EPSG\",\"4537\"]]")).isEqualTo(new ExchangeCrs(4537));
    assertThat(ExchangeCrs.fromPrj("GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\"]]")).isEqualTo(ExchangeCrs.WGS84);
    assertThat(ExchangeCrs.fromPrj("PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\",GEOGCS[\"GCS_WGS_1984\"],"
        + "PROJECTION[\"Mercator_Auxiliary_Sphere\"]]")).isNull();
    assertThat(ExchangeCrs.fromPrj("PROJCS[\"Xian_1980_3_Degree_GK_CM_87E\",GEOGCS[\"GCS_Xian_1980\"],"
        + "PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"Central_Meridian\",87.0],PARAMETER[\"False_Easting\",500000.0]]"))
        .as("Xian 1980 is not CGCS2000").isNull();
  }

  @Test
  void picksTheGaussKrugerZoneOfTheFivePlans() {
    assertThat(ExchangeCrs.gaussKrugerFor(75.2).epsg()).isEqualTo(4534);
    assertThat(ExchangeCrs.gaussKrugerFor(81.2).epsg()).isEqualTo(4536);
    assertThat(ExchangeCrs.gaussKrugerFor(83.9).epsg()).isEqualTo(4537);
    assertThat(ExchangeCrs.gaussKrugerFor(86.1).epsg()).isEqualTo(4538);
    assertThatThrownBy(() -> ExchangeCrs.parse("EPSG:3857")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> ExchangeCrs.parse("mercator")).isInstanceOf(ApiException.class);
  }

  @Test
  void projectsAndComesBackToTheMillimetre() throws Exception {
    Geometry p = Geometries.FACTORY.createPoint(new Coordinate(86.1512345678, 41.7623456789));
    for (int epsg : new int[] {4538, 4517}) {
      ExchangeCrs crs = new ExchangeCrs(epsg);
      Geometry projected = crs.fromStored(p);
      double[] proj = Gdal.project(86.1512345678, 41.7623456789, epsg);
      assertThat(projected.getCoordinate().x).isCloseTo(proj[0], within(0.001));
      assertThat(projected.getCoordinate().y).isCloseTo(proj[1], within(0.001));
      Geometry back = crs.toStored(projected);
      assertThat(back.getCoordinate().x).isCloseTo(86.1512345678, within(1e-9));
      assertThat(back.getCoordinate().y).isCloseTo(41.7623456789, within(1e-9));
      assertThat(back.getSRID()).isEqualTo(4326);
    }
  }

  @Test
  void aCoordinateTheProjectionCannotConvertIsRefusedInWords() {
    ExchangeCrs zone = new ExchangeCrs(4538);
    for (double[] xy : new double[][] {{1e300, 4_600_000}, {Double.POSITIVE_INFINITY, 0}, {Double.NaN, 1}}) {
      Geometry p = Geometries.FACTORY.createPoint(new Coordinate(xy[0], xy[1]));
      assertThatThrownBy(() -> zone.toStored(p)).isInstanceOf(ApiException.class)
          .hasMessageContaining("cannot be read in").hasMessageContaining("coordinate system");
    }
  }
}
