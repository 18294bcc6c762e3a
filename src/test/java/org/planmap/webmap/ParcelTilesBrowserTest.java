package org.planmap.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.planmap.security.AdminService;
import org.planmap.support.Http;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Parcels in the web map come from vector tiles (Leaflet.VectorGrid over /tiles/parcels): the tiles are requested and
 * drawn in land-use colours, a click on a parcel opens its popup from the tile's properties, the park being edited is
 * left out of the tiles while its parcels are GeoJSON in the editor, and a saved edit shows in the tiles afterwards.
 */
class ParcelTilesBrowserTest extends BrowserTest {
  private static final String ADMIN_PASSWORD = "layout-admin-password";
  /** Two parcels inside 特克斯县's 有色金属及制造工业园区: industrial (1001) and urban housing (0701). */
  private static final double[] INDUSTRIAL = {82.0545, 43.1275, 82.0563, 43.1300};
  private static final double[] HOUSING = {82.0567, 43.1275, 82.0585, 43.1300};
  private static final String INDUSTRIAL_COLOR = "#bb9674";
  private static final String HOUSING_COLOR = "#ffff2d";
  private static final String COMMERCIAL_COLOR = "#ff0000";

  @Autowired AdminService admin;
  private LayoutSteps steps;
  private String industrialId;

  @BeforeEach
  void parcels() {
    LayoutSteps.planner(admin, "tekes-tiles-planner");
    steps = new LayoutSteps(browser, port);
    industrialId = create(INDUSTRIAL, "1001", "瓦片测试工业地块");
    create(HOUSING, "0701", "瓦片测试住宅地块");
  }

  @AfterEach
  void noConsoleErrors() {
    browser.assertNoConsoleErrors();
  }

  @Test
  void drawsParcelsFromTilesOpensTheirPopupAndShowsAnEditAfterSave() throws IOException {
    // 1. The park at zoom 15: parcel tiles are requested and drawn, each parcel in its class's colour.
    driver.get(steps.base() + "/#plan=tekes&view=43.1288,82.0565,15&lang=zh");
    browser.waitForRender("tekes", 60);
    assertThat(((Number) browser.js("return performance.getEntriesByType('resource')"
        + ".filter((e) => e.name.includes('/tiles/parcels/14/')).length;")).intValue()).isGreaterThan(0);
    assertThat(stats().get("mode")).isEqualTo("tiles");
    assertThat(parkParcels()).isEqualTo(2);
    assertThat(near(colorAt(centre(INDUSTRIAL)), INDUSTRIAL_COLOR)).as(colorAt(centre(INDUSTRIAL))).isTrue();
    assertThat(near(colorAt(centre(HOUSING)), HOUSING_COLOR)).as(colorAt(centre(HOUSING))).isTrue();
    assertThat(driver.findElement(By.id("pm-legend")).getText()).contains("10 工矿用地").contains("07 居住用地");
    browser.screenshot("tiles-01-parcels");

    // 2. A click on a parcel (inside the park's area): its popup, from the tile's properties, with its class.
    double[] c = centre(INDUSTRIAL);
    steps.clickAt(c[0], c[1]);
    WebElement popup = browser.waiting(10).until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup-content .pm-popup")));
    assertThat(popup.findElement(By.cssSelector(".pm-popup-title")).getText()).isEqualTo("瓦片测试工业地块");
    assertThat(popup.getText()).contains("1001").contains("工业用地").contains("m²").contains("地块");
    assertThat(driver.findElement(By.cssSelector("#pm-detail .pm-detail-title")).getText()).isEqualTo("瓦片测试工业地块");
    assertThat(driver.findElement(By.id("pm-detail")).getText()).contains(LayoutSteps.PARK_NAME).doesNotContain("未给出位置");
    browser.screenshot("tiles-02-popup");

    // 3. A planner edits the park: its parcels leave the tiles (they are GeoJSON in the editor).
    steps.signIn("tekes-tiles-planner");
    steps.startLayout();
    browser.waiting(20).until(d -> parkParcels() == 0);
    assertThat(layoutParcelCount()).isEqualTo(2);
    String versionBefore = (String) stats().get("version");

    // 4. The industrial parcel becomes commercial (0901) and is saved; the editor is closed.
    browser.waiting(10).until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("#pm-parcel-list li[data-feature-id='" + industrialId + "'] button"))).click();
    new Select(driver.findElement(By.id("pm-parcel-land_use_code"))).selectByValue("0901");
    driver.findElement(By.id("pm-parcel-save")).click();
    browser.waiting(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pm-layout-status"), "已保存"));
    driver.findElement(By.id("pm-layout-close")).click();

    // 5. The tiles are read again under a new version: the parcel shows in its new class's colour and popup.
    browser.waiting(20).until(d -> parkParcels() == 2);
    assertThat(stats().get("version")).isNotEqualTo(versionBefore);
    browser.waiting(20).until(d -> near(colorAt(centre(INDUSTRIAL)), COMMERCIAL_COLOR));
    assertThat(near(colorAt(centre(HOUSING)), HOUSING_COLOR)).as(colorAt(centre(HOUSING))).isTrue();
    steps.clickAt(c[0], c[1]);
    browser.waiting(10).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(".leaflet-popup-content .pm-popup"), "0901"));
    assertThat(driver.findElement(By.cssSelector(".leaflet-popup-content .pm-popup")).getText()).contains("商业用地");
    browser.screenshot("tiles-03-after-edit");
  }

  // ---- helpers ------------------------------------------------------------------------------------------

  private String create(double[] box, String landUse, String name) {
    String geometry = String.format(java.util.Locale.ROOT,
        "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
        box[0], box[1], box[2], box[1], box[2], box[3], box[0], box[3], box[0], box[1]);
    String body = "{\"geometry\":" + geometry + ",\"properties\":{\"park_id\":\"" + LayoutSteps.PARK
        + "\",\"land_use_code\":\"" + landUse + "\",\"far\":1.2,\"name\":\"" + name + "\"}}";
    Http.Response r = new Http(port).send("POST", "/api/edit/parcels", body, Http.basic("admin", ADMIN_PASSWORD));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asString();
  }

  private static double[] centre(double[] box) {
    return new double[] {(box[0] + box[2]) / 2, (box[1] + box[3]) / 2};
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> stats() {
    return (Map<String, Object>) browser.js("return window.planmap.parcels.stats();");
  }

  /** Parcels of the park drawn in the tiles (each once, though it may cross tile edges). */
  @SuppressWarnings("unchecked")
  private int parkParcels() {
    Object n = ((Map<String, Object>) stats().get("parks")).get(LayoutSteps.PARK);
    return n == null ? 0 : ((Number) n).intValue();
  }

  private int layoutParcelCount() {
    return ((List<?>) browser.js("return window.planmap.layout.parcels();")).size();
  }

  /** Whether a canvas colour is the expected one (within rounding of the semi-transparent fill). */
  private static boolean near(String actual, String expected) {
    if (actual == null) {
      return false;
    }
    for (int i = 1; i < 7; i += 2) {
      if (Math.abs(Integer.parseInt(actual.substring(i, i + 2), 16) - Integer.parseInt(expected.substring(i, i + 2), 16)) > 4) {
        return false;
      }
    }
    return true;
  }

  /** The colour (#rrggbb) of the parcel tile canvas at a lon/lat, or null where no tile canvas has paint. */
  private String colorAt(double[] lonLat) {
    return (String) browser.js(
        "const m = window.planmap.map; const p = m.latLngToContainerPoint([arguments[1], arguments[0]]);"
            + "const box = m.getContainer().getBoundingClientRect(); const x = box.left + p.x, y = box.top + p.y;"
            + "for (const c of document.querySelectorAll('.leaflet-pm-parcels-pane canvas')) {"
            + "  const r = c.getBoundingClientRect();"
            + "  if (x < r.left || x >= r.right || y < r.top || y >= r.bottom) continue;"
            + "  const d = c.getContext('2d').getImageData(Math.floor((x - r.left) * c.width / r.width),"
            + "    Math.floor((y - r.top) * c.height / r.height), 1, 1).data;"
            + "  if (d[3] === 0) continue;"
            + "  return '#' + [d[0], d[1], d[2]].map((v) => v.toString(16).padStart(2, '0')).join('');"
            + "}"
            + "return null;", lonLat[0], lonLat[1]);
  }
}
