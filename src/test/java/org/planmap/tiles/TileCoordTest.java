package org.planmap.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.planmap.web.ApiException;

class TileCoordTest {
  @Test
  void zoomZeroIsTheWholeMercatorWorld() {
    Envelope world = new TileCoord(0, 0, 0).lonLat(0);
    assertThat(world.getMinX()).isCloseTo(-180, within(1e-9));
    assertThat(world.getMaxX()).isCloseTo(180, within(1e-9));
    assertThat(world.getMaxY()).isCloseTo(85.0511287798, within(1e-9));
  }

  @Test
  void containingFindsTheTileAndItsEnvelopeHoldsThePoint() {
    TileCoord t = TileCoord.containing(86.15, 41.76, 12);
    assertThat(t).isEqualTo(new TileCoord(12, 3028, 1524));
    assertThat(t.lonLat(0).contains(86.15, 41.76)).isTrue();
    assertThat(new TileCoord(12, 3028, 1524).mercator(0.5).getWidth())
        .isCloseTo(2 * t.mercator().getWidth(), within(1e-6));
  }

  @Test
  void parseRefusesWhatIsOutOfRange() {
    assertThat(TileCoord.parse("3", "7", "0", 22)).isEqualTo(new TileCoord(3, 7, 0));
    assertThatThrownBy(() -> TileCoord.parse("3", "8", "0", 22)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> TileCoord.parse("15", "0", "0", 14)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> TileCoord.parse("1", "0x1", "0", 22)).isInstanceOf(ApiException.class);
  }
}
