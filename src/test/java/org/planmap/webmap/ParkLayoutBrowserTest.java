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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.planmap.security.AdminService;
import org.planmap.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Park layout drawing in real headless Chromium: a planner signs in, opens a park, draws a parcel with mouse clicks,
 * sees its geodesic area while drawing, fills the attribute form, saves, reloads the page and finds it, and sees the
 * balance table change; a parcel reaching outside the park is refused with the reason and a marker at the place.
 */
class ParkLayoutBrowserTest extends BrowserTest {
  @Autowired AdminService admin;
  private LayoutSteps steps;

  @BeforeEach
  void planner() {
    LayoutSteps.planner(admin, "tekes-planner");
    steps = new LayoutSteps(browser, port);
  }

  @AfterEach
  void noConsoleErrors() {
    browser.assertNoConsoleErrors();
  }

  @Test
  void drawsSavesAndFindsAParcelWithItsAreaAndBalance() throws IOException {
    // 1. Sign in through the header form, open the park from the search box, start layout editing.
    steps.openTekes();
    assertThat(driver.findElements(By.id("pm-layout-start"))).isEmpty();
    steps.signIn("tekes-planner");
    steps.startLayout();
    assertThat(steps.text("pm-balance-parcels")).isEqualTo("0.00 ha");
    assertThat(steps.text("pm-balance-park")).matches("1[0-9]{2}\\.[0-9]{2} ha");
    assertThat(driver.findElements(By.cssSelector(".leaflet-pm-toolbar .leaflet-pm-icon-polygon"))).hasSize(1);
    screenshot("layout-01-editing");

    // 2. Draw a parcel (~330 m x 330 m) with real clicks; the live area shows m², 公顷 and 亩 while drawing.
    double[][] parcel = {{82.0545, 43.1275}, {82.0585, 43.1275}, {82.0585, 43.1305}, {82.0545, 43.1305}};
    steps.polygonTool();
    steps.clickAt(parcel[0][0], parcel[0][1]);
    steps.clickAt(parcel[1][0], parcel[1][1]);
    steps.clickAt(parcel[2][0], parcel[2][1]);
    steps.moveTo(parcel[3][0], parcel[3][1]);
    WebElement live = browser.waiting(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-live-area")));
    assertThat(live.getText()).contains("m²").contains("公顷").contains("亩");
    double liveM2 = number(live.getText(), "([0-9,]+) m²");
    assertThat(liveM2).isBetween(80_000.0, 140_000.0);
    screenshot("layout-02-drawing");
    steps.clickAt(parcel[3][0], parcel[3][1]);
    steps.clickAt(parcel[0][0], parcel[0][1]);
    browser.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-parcel-form")));
    String areaText = steps.text("pm-parcel-area");
    double drawnM2 = number(areaText, "([0-9,]+) m²");
    double drawnHa = number(areaText, "([0-9.]+) 公顷");
    double drawnMu = number(areaText, "([0-9.]+) 亩");
    assertThat(drawnM2).isBetween(80_000.0, 140_000.0);
    assertThat(drawnHa).isCloseTo(drawnM2 / 10_000, org.assertj.core.data.Offset.offset(0.01));
    assertThat(drawnMu).isCloseTo(drawnM2 * 15 / 10_000, org.assertj.core.data.Offset.offset(0.1));

    // 3. The typed form: saving without a land-use class is refused in the form, then filled and saved.
    driver.findElement(By.id("pm-parcel-save")).click();
    assertThat(steps.text("pm-parcel-land_use_code-error")).contains("用地分类");
    driver.findElement(By.id("pm-parcel-far")).sendKeys("25");
    driver.findElement(By.id("pm-parcel-save")).click();
    assertThat(steps.text("pm-parcel-far-error")).contains("0").contains("20");
    new Select(driver.findElement(By.id("pm-parcel-land_use_code"))).selectByValue("1001");
    driver.findElement(By.id("pm-parcel-name")).sendKeys("浏览器测试地块");
    driver.findElement(By.id("pm-parcel-far")).clear();
    driver.findElement(By.id("pm-parcel-far")).sendKeys("1.2");
    driver.findElement(By.id("pm-parcel-building_density")).sendKeys("40");
    driver.findElement(By.id("pm-parcel-green_ratio")).sendKeys("15");
    driver.findElement(By.id("pm-parcel-height_limit")).sendKeys("24");
    driver.findElement(By.id("pm-parcel-save")).click();
    browser.waiting(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pm-layout-status"), "已保存"));
    List<Map<String, Object>> parcels = layoutParcels();
    assertThat(parcels).hasSize(1);
    String id = (String) parcels.get(0).get("id");
    assertThat(id).isNotBlank();

    // The server stored it with its own geodesic area (GeographicLib on both sides: they agree).
    JsonNode stored = new Http(port).get("/ogcapi/collections/parcels/items/" + id).json();
    double storedM2 = stored.path("properties").path("area_m2").asDouble();
    assertThat(Math.abs(storedM2 - drawnM2)).isLessThan(1.0);
    assertThat(stored.path("properties").path("land_use_code").asString()).isEqualTo("1001");
    assertThat(stored.path("properties").path("far").asDouble()).isEqualTo(1.2);

    // 4. The balance table changed: 工矿用地 / 工业用地 with the parcel's hectares.
    browser.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#pm-balance-table tr[data-code='1001']")));
    assertThat(steps.text("pm-balance-parcels")).isEqualTo(String.format(java.util.Locale.ROOT, "%.2f ha", storedM2 / 10_000));
    assertThat(driver.findElement(By.cssSelector("#pm-balance-table tr[data-code='1001']")).getText())
        .contains("工业用地").contains(String.format(java.util.Locale.ROOT, "%.2f", storedM2 / 10_000)).contains("100.0");
    assertThat(driver.findElement(By.id("pm-balance-csv")).getAttribute("href"))
        .endsWith("/api/parks/" + LayoutSteps.PARK + "/balance.csv");
    screenshot("layout-03-saved");

    // 5. A parcel reaching outside the park: 422 with the reason, a marker at the place, nothing stored.
    double[][] outside = {{82.0625, 43.1262}, {82.0715, 43.1262}, {82.0715, 43.1290}, {82.0625, 43.1290}};
    steps.drawPolygon(outside);
    new Select(driver.findElement(By.id("pm-parcel-land_use_code"))).selectByValue("1101");
    driver.findElement(By.id("pm-parcel-save")).click();
    browser.waiting(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pm-layout-status"), "未保存"));
    assertThat(steps.text("pm-layout-status")).contains("地块超出园区边界");
    assertThat(driver.findElements(By.cssSelector("path.pm-problem-marker"))).hasSize(1);
    browser.assertNoConsoleErrorsExcept("/api/edit/parcels 422");
    JsonNode all = new Http(port).get("/ogcapi/collections/parcels/items?plan=tekes&limit=10000").json();
    assertThat(all.path("features").size()).isEqualTo(1);
    screenshot("layout-04-outside-refused");

    // 6. Reload the page: still signed in, the parcel is there with its area and attributes.
    driver.navigate().refresh();
    browser.waitForRender("tekes", 60);
    browser.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-signout")));
    steps.startLayout();
    WebElement row = browser.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#pm-parcel-list li[data-feature-id='" + id + "']")));
    assertThat(row.getText()).contains("1001").contains("工业用地").contains("浏览器测试地块")
        .contains(String.format(java.util.Locale.ROOT, "%,.0f m²", storedM2).replace('\u00a0', ','));
    assertThat(steps.text("pm-balance-parcels")).isEqualTo(String.format(java.util.Locale.ROOT, "%.2f ha", storedM2 / 10_000));
    row.findElement(By.cssSelector("button")).click();
    assertThat(driver.findElement(By.id("pm-parcel-far")).getAttribute("value")).isEqualTo("1.2");
    assertThat(driver.findElement(By.id("pm-parcel-height_limit")).getAttribute("value")).isEqualTo("24");
    assertThat(steps.text("pm-parcel-meta")).contains("版本 1");
    screenshot("layout-05-after-reload");

    // 7. Edit a vertex (geoman's edit mode, mouse drag), undo and redo it, save the change as version 2.
    String savedArea = steps.text("pm-parcel-area");
    driver.findElement(By.cssSelector(".leaflet-pm-toolbar .leaflet-pm-icon-edit")).click();
    WebElement corner = vertexNear(parcel[2][0], parcel[2][1]);
    new Actions(driver).clickAndHold(corner).moveByOffset(20, -15).moveByOffset(20, -15).release().perform();
    browser.waiting(5).until(d -> !savedArea.equals(steps.text("pm-parcel-area")));
    double grown = number(steps.text("pm-parcel-area"), "([0-9,]+) m²");
    assertThat(grown).isGreaterThan(storedM2 + 1_000);
    assertThat(steps.text("pm-parcel-meta")).contains("有未保存的修改");
    screenshot("layout-06-vertex-moved");
    driver.findElement(By.id("pm-undo")).click();
    assertThat(number(steps.text("pm-parcel-area"), "([0-9,]+) m²")).isCloseTo(storedM2, org.assertj.core.data.Offset.offset(1.0));
    driver.findElement(By.id("pm-redo")).click();
    assertThat(number(steps.text("pm-parcel-area"), "([0-9,]+) m²")).isEqualTo(grown);
    driver.findElement(By.cssSelector(".leaflet-pm-toolbar .leaflet-pm-icon-edit")).click();
    driver.findElement(By.id("pm-parcel-save")).click();
    browser.waiting(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pm-layout-status"), "版本 2"));
    double storedGrown = new Http(port).get("/ogcapi/collections/parcels/items/" + id).json()
        .path("properties").path("area_m2").asDouble();
    assertThat(Math.abs(storedGrown - grown)).isLessThan(1.0);

    // 8. Delete with geoman's removal tool (recoverable): the balance empties; undo restores it from the history.
    driver.findElement(By.cssSelector(".leaflet-pm-toolbar .leaflet-pm-icon-delete")).click();
    steps.clickAt(82.0555, 43.1285);
    browser.waiting(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pm-layout-status"), "已删除"));
    driver.findElement(By.cssSelector(".leaflet-pm-toolbar .leaflet-pm-icon-delete")).click();
    browser.waiting(10).until(ExpectedConditions.textToBe(By.id("pm-balance-parcels"), "0.00 ha"));
    assertThat(new Http(port).get("/ogcapi/collections/parcels/items?plan=tekes&limit=10000").json()
        .path("features").size()).isZero();
    driver.findElement(By.id("pm-undo")).click();
    browser.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#pm-balance-table tr[data-code='1001']")));
    JsonNode back = new Http(port).get("/ogcapi/collections/parcels/items/" + id).json();
    assertThat(back.path("properties").path("version").asInt()).isEqualTo(4);
    assertThat(back.path("properties").path("name").asString()).isEqualTo("浏览器测试地块");
    assertThat(steps.text("pm-parcel-meta")).contains("版本 4");
    screenshot("layout-07-restored");

    // 9. Drag the whole parcel (geoman's drag mode), then undo: back where it was.
    String storedGeometry = geometryOf(0);
    driver.findElement(By.cssSelector(".leaflet-pm-toolbar .leaflet-pm-icon-drag")).click();
    int[] at = steps.offset(82.0555, 43.1285);
    new Actions(driver).moveToElement(driver.findElement(By.id("pm-map")), at[0], at[1]).clickAndHold()
        .moveByOffset(15, 10).moveByOffset(15, 10).release().perform();
    driver.findElement(By.cssSelector(".leaflet-pm-toolbar .leaflet-pm-icon-drag")).click();
    assertThat(geometryOf(0)).isNotEqualTo(storedGeometry);
    assertThat(layoutParcels().get(0).get("dirty")).isEqualTo(true);
    driver.findElement(By.id("pm-undo")).click();
    assertThat(geometryOf(0)).isEqualTo(storedGeometry);

    // 10. Cut a strip through the parcel: two parts, the first keeps the parcel, the second is a new one with the
    // same class; saving both gives two parcels in the balance table.
    driver.findElement(By.cssSelector(".leaflet-pm-toolbar .leaflet-pm-icon-cut")).click();
    double[][] strip = {{82.0562, 43.1262}, {82.0568, 43.1262}, {82.0568, 43.1322}, {82.0562, 43.1322}};
    for (double[] c : strip) {
      steps.clickAt(c[0], c[1]);
    }
    steps.clickAt(strip[0][0], strip[0][1]);
    browser.waiting(5).until(d -> layoutParcels().size() == 1 && allParcels().size() == 2);
    screenshot("layout-08-cut");
    driver.findElement(By.id("pm-parcel-save")).click();
    browser.waiting(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pm-layout-status"), "版本 5"));
    driver.findElements(By.cssSelector("#pm-parcel-list li")).stream()
        .filter(li -> li.getAttribute("data-feature-id") == null).findFirst().orElseThrow()
        .findElement(By.cssSelector("button")).click();
    assertThat(new Select(driver.findElement(By.id("pm-parcel-land_use_code"))).getFirstSelectedOption()
        .getAttribute("value")).isEqualTo("1001");
    driver.findElement(By.id("pm-parcel-save")).click();
    browser.waiting(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pm-layout-status"), "版本 1"));
    browser.waiting(10).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("#pm-balance-table tr[data-code='1001']"), "2"));
    JsonNode both = new Http(port).get("/ogcapi/collections/parcels/items?plan=tekes&limit=10000").json();
    assertThat(both.path("features").size()).isEqualTo(2);
    double cutTotal = 0;
    for (JsonNode f : both.path("features")) {
      cutTotal += f.path("properties").path("area_m2").asDouble();
    }
    assertThat(cutTotal).isLessThan(storedGrown).isGreaterThan(storedGrown * 0.7);
    screenshot("layout-09-cut-saved");

    // 11. English: the layout panel, the balance table and geoman's toolbar follow the language switch.
    driver.findElement(By.id("pm-lang")).click();
    assertThat(steps.text("pm-layout-title")).startsWith("Park layout:");
    assertThat(driver.findElement(By.cssSelector("#pm-balance h3")).getText()).isEqualTo("Land-use balance");
    assertThat(steps.text("pm-parcel-list")).contains(" ha · ").contains(" mu");
    screenshot("layout-10-english");
  }

  private String geometryOf(int index) {
    return String.valueOf(browser.js(
        "return JSON.stringify(window.planmap.layout.parcels().filter(p => p.id)[arguments[0]].geometry);", index));
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> allParcels() {
    return (List<Map<String, Object>>) browser.js("return window.planmap.layout.parcels();");
  }

  /** The vertex marker of geoman's edit mode nearest to a lon/lat. */
  private WebElement vertexNear(double lon, double lat) {
    return (WebElement) browser.js(
        "const m = window.planmap.map; const p = m.latLngToContainerPoint([arguments[1], arguments[0]]);"
            + " const box = m.getContainer().getBoundingClientRect(); let best = null, bestD = 1e9;"
            + " document.querySelectorAll('.leaflet-marker-icon.marker-icon:not(.marker-icon-middle)').forEach(el => {"
            + "   const r = el.getBoundingClientRect(); const x = r.left + r.width / 2 - box.left, y = r.top + r.height / 2 - box.top;"
            + "   const d = Math.hypot(x - p.x, y - p.y); if (d < bestD) { bestD = d; best = el; } });"
            + " return bestD < 10 ? best : null;", lon, lat);
  }

  // ---- helpers ------------------------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> layoutParcels() {
    return (List<Map<String, Object>>) browser.js("return window.planmap.layout.parcels().filter(p => p.id);");
  }

  private static double number(String text, String regex) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("'%s' in '%s'", regex, text).isTrue();
    return Double.parseDouble(m.group(1).replace(",", ""));
  }

  private void screenshot(String name) throws IOException {
    browser.screenshot(name);
  }
}
