package org.planmap.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BBoxTest {
  @ParameterizedTest
  @ValueSource(strings = {"80,40,90,45", " 80 , 40 , 90 , 45 ", "80,40,0,90,45,100", "80,40,80,40"})
  void parsesTwoAndThreeDimensionalBoxes(String text) {
    BBox b = BBox.parse(text);
    assertThat(b.minLon()).isEqualTo(80);
    assertThat(b.minLat()).isEqualTo(40);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1,2,3|needs 4", "1,2,3,4,5|needs 4", "|needs 4", "a,1,2,3|not a number", "NaN,1,2,3|finite",
      "1,2,Infinity,3|finite", "1e400,1,2,3|finite", "10,1,5,3|longitude is larger", "1,10,2,5|latitude is larger",
      "-181,0,0,1|longitude -180..180", "0,-91,1,1|latitude", "170,0,-170,1|antimeridian"})
  void refusesWithAReadableReason(String text, String words) {
    assertThatThrownBy(() -> BBox.parse(text == null ? "" : text))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(words);
  }
}
