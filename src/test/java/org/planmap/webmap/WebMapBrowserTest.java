package org.planmap.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web map in real headless Chromium (Debian's chromium + chromium-driver): plan switch, layer toggles, search,
 * popup with the cited sentence, English, HTML shown as text, tables, URL state. Fails on any browser console error.
 * Screenshots go to target/screenshots/.
 */
class WebMapBrowserTest extends BrowserTest {

  @AfterEach
  void noConsoleErrors() {
    browser.assertNoConsoleErrors();
  }

  @Test
  void browsesThePlansInChineseAndEnglish() throws IOException {
    // 1. The "all plans" view, in Chinese, timed from navigation start to the map's own "all layers drawn" mark.
    driver.get(base() + "/");
    waitForRender("all", 60);
    double firstRender = ((Number) js("return window.planmapFirstRender;")).doubleValue();
    System.out.printf("PLANMAP first render of the \"all plans\" view in headless Chromium: %.0f ms after navigation"
        + " start (%s)%n", firstRender, js("return JSON.stringify(window.planmapRenders[0]);"));
    assertThat(firstRender).isLessThan(20_000);
    assertThat(driver.findElement(By.cssSelector("[data-i18n='layers.title']")).getText()).isEqualTo("图层");
    assertThat(driver.findElement(By.id("pm-search")).getAttribute("placeholder")).contains("搜索");
    assertThat(count("#pm-tree input[type=checkbox]")).isGreaterThanOrEqualTo(13);
    assertThat(count(".pm-legend-item")).isGreaterThan(5);
    screenshot("01-all-plans");
    double zoomRedraw = ((Number) browser.asyncJs(
        "const done = arguments[arguments.length - 1]; const m = window.planmap.map; const t0 = performance.now();"
            + "m.once('zoomend', () => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0))));"
            + "m.setZoom(m.getZoom() + 1, {animate: false});")).doubleValue();
    System.out.printf("PLANMAP zoom-in redraw of the \"all plans\" view: %.0f ms%n", zoomRedraw);
    assertThat(zoomRedraw).isLessThan(5_000);

    // 2. Switch plan: the map fits Tacheng and the URL remembers it.
    new Select(driver.findElement(By.id("pm-plan-select"))).selectByValue("tacheng");
    waitForRender("tacheng", 30);
    assertThat(driver.getCurrentUrl()).contains("plan=tacheng");
    screenshot("02-tacheng");

    // 3. Toggle layers: off leaves the map and the URL, on comes back.
    assertThat(layerOn("zones")).isTrue();
    driver.findElement(By.id("pm-layer-zones")).click();
    assertThat(layerOn("zones")).isFalse();
    assertThat(layersInUrl()).doesNotContain("zones");
    driver.findElement(By.id("pm-layer-neighbours")).click();
    assertThat(layerOn("neighbours")).isFalse();
    screenshot("03-tacheng-zones-off");
    driver.findElement(By.id("pm-layer-zones")).click();
    driver.findElement(By.id("pm-layer-neighbours")).click();
    assertThat(layerOn("zones")).isTrue();
    assertThat(layersInUrl()).contains("zones", "neighbours");
    driver.findElement(By.id("pm-group-tourism")).click();
    assertThat(layerOn("routes") || layerOn("route_stops") || layerOn("scenic_spots")).isFalse();
    driver.findElement(By.id("pm-group-tourism")).click();
    assertThat(layerOn("routes") && layerOn("route_stops") && layerOn("scenic_spots")).isTrue();

    // 4. Search a park by name, pick it: popup with the plan's sentence, document and line.
    Map<String, Object> park = firstLocated("parks", "tacheng");
    String name = (String) park.get("name");
    WebElement search = driver.findElement(By.id("pm-search"));
    search.sendKeys(name);
    wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pm-search-hit")));
    driver.findElements(By.cssSelector(".pm-search-hit")).stream()
        .filter(hit -> park.get("id").equals(hit.getAttribute("data-feature-id")))
        .findFirst().orElseThrow(() -> new AssertionError("no search hit for " + name))
        .click();
    WebElement popup = wait(10).until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup-content .pm-popup")));
    assertThat(popup.findElement(By.cssSelector(".pm-popup-title")).getText()).isEqualTo(name);
    assertThat(squeeze(popup.findElement(By.cssSelector(".pm-quote")).getText()))
        .isEqualTo(squeeze((String) park.get("source_text")));
    assertThat(popup.findElement(By.cssSelector(".pm-cite")).getText())
        .contains((String) park.get("source_doc"))
        .contains("第 " + park.get("source_line") + " 行");
    assertThat(driver.findElement(By.cssSelector("#pm-detail .pm-detail-title")).getText()).isEqualTo(name);
    screenshot("04-search-popup");

    // 5. English with the switch: interface, popup and detail panel follow.
    driver.findElement(By.id("pm-lang")).click();
    assertThat(driver.findElement(By.cssSelector("[data-i18n='layers.title']")).getText()).isEqualTo("Layers");
    assertThat(driver.findElement(By.cssSelector("#pm-tree legend")).getText()).isEqualTo("Boundaries");
    assertThat(driver.findElement(By.cssSelector(".leaflet-popup-content .pm-cite")).getText())
        .contains(", line " + park.get("source_line"));
    assertThat(driver.getCurrentUrl()).contains("lang=en");
    assertThat(js("return document.documentElement.lang;")).isEqualTo("en");
    screenshot("05-english");

    // 6. A value containing HTML shows as text: a real feature, its name given markup, rendered into the panel.
    String markup = "<img src=x id=pm-injected><b>" + name + "</b>";
    js("const f = JSON.parse(arguments[0]); f.properties.name = arguments[1]; f.properties.notes = arguments[1];"
        + " window.planmap.showDetail(f, 'parks');", featureJson("parks", "tacheng", (String) park.get("id")), markup);
    assertThat(driver.findElement(By.cssSelector("#pm-detail .pm-detail-title")).getText()).isEqualTo(markup);
    assertThat(driver.findElement(By.cssSelector("#pm-detail .pm-notes")).getText()).isEqualTo(markup);
    assertThat(driver.findElements(By.id("pm-injected"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("#pm-detail b"))).isEmpty();
    screenshot("06-html-as-text");

    // 7. Project table: filter, sort, click to zoom; indicator table of a plan that has one.
    new Select(driver.findElement(By.id("pm-plan-select"))).selectByValue("tekes");
    waitForRender("tekes", 30);
    driver.findElement(By.id("pm-tab-btn-projects")).click();
    int allRows = count(".pm-project-table tbody tr");
    assertThat(allRows).isGreaterThan(0);
    Select sector = new Select(driver.findElement(By.id("pm-filter-sector")));
    sector.selectByIndex(1);
    int filtered = count(".pm-project-table tbody tr");
    assertThat(filtered).isBetween(1, allRows);
    sector.selectByIndex(0);
    driver.findElement(By.cssSelector(".pm-project-table th button[data-column='investment']")).click();
    assertThat(driver.findElement(By.cssSelector(".pm-project-table th button[data-column='investment']"))
        .getAttribute("class")).contains("pm-asc");
    WebElement located = driver.findElements(By.cssSelector(".pm-project-table tbody tr")).stream()
        .filter(r -> !r.getAttribute("class").contains("pm-unlocated")).findFirst().orElseThrow();
    String projectId = located.getAttribute("data-feature-id");
    located.click();
    wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup-content .pm-popup")));
    assertThat(driver.findElement(By.cssSelector("#pm-detail .pm-detail-title")).getText())
        .isEqualTo(featureName("projects", "tekes", projectId));
    screenshot("07-project-table");
    driver.findElement(By.id("pm-tab-btn-indicators")).click();
    assertThat(count(".pm-indicator-table tbody tr")).isGreaterThan(0);
    assertThat(driver.findElement(By.cssSelector(".pm-indicator-table thead")).getText()).contains("Target 2035");
    screenshot("08-indicators");

    // 8. A link reopens the same map: plan, layers, language and view from the URL.
    driver.get("about:blank");
    driver.get(base() + "/#plan=korla&layers=counties,parks,projects&view=41.7,86.1,10&lang=zh");
    waitForRender("korla", 30);
    assertThat(new Select(driver.findElement(By.id("pm-plan-select"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("korla");
    assertThat(layerOn("parks")).isTrue();
    assertThat(layerOn("zones")).isFalse();
    assertThat(((Number) js("return window.planmap.map.getZoom();")).doubleValue()).isEqualTo(10.0);
    assertThat(driver.findElement(By.cssSelector("[data-i18n='layers.title']")).getText()).isEqualTo("图层");
    screenshot("09-korla-from-link");
  }

  // ---- helpers ------------------------------------------------------------------------------------------

  private String base() {
    return "http://localhost:" + port;
  }

  private Object js(String script, Object... args) {
    return browser.js(script, args);
  }

  private WebDriverWait wait(int seconds) {
    return browser.waiting(seconds);
  }

  private void waitForRender(String plan, int seconds) {
    browser.waitForRender(plan, seconds);
  }

  private boolean layerOn(String key) {
    return browser.layerOn(key);
  }

  private void screenshot(String name) throws IOException {
    browser.screenshot(name);
  }

  private List<String> layersInUrl() {
    String hash = driver.getCurrentUrl().replaceFirst("^[^#]*#", "");
    for (String part : hash.split("&")) {
      if (part.startsWith("layers=")) {
        return List.of(part.substring("layers=".length()).split(","));
      }
    }
    return List.of();
  }

  private static String squeeze(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  private int count(String css) {
    return driver.findElements(By.cssSelector(css)).size();
  }

  /** The properties (and id) of the first feature with a geometry, read by the page itself from the OGC API. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> firstLocated(String collection, String plan) {
    return (Map<String, Object>) browser.asyncJs(
        "const done = arguments[arguments.length - 1];"
            + "fetch(`/ogcapi/collections/${arguments[0]}/items?plan=${arguments[1]}&limit=10000`).then(r => r.json())"
            + ".then(fc => { const f = fc.features.find(x => x.geometry && x.properties.source_text"
            + " && x.properties.name && x.properties.name.length >= 3);"
            + " done(Object.assign({id: f.id}, f.properties)); });",
        collection, plan);
  }

  private String featureJson(String collection, String plan, String id) {
    return (String) browser.asyncJs(
        "const done = arguments[arguments.length - 1];"
            + "fetch(`/ogcapi/collections/${arguments[0]}/items?plan=${arguments[1]}&limit=10000`).then(r => r.json())"
            + ".then(fc => done(JSON.stringify(fc.features.find(x => x.id === arguments[2]))));",
        collection, plan, id);
  }

  private String featureName(String collection, String plan, String id) {
    return (String) browser.asyncJs(
        "const done = arguments[arguments.length - 1];"
            + "fetch(`/ogcapi/collections/${arguments[0]}/items?plan=${arguments[1]}&limit=10000`).then(r => r.json())"
            + ".then(fc => done(fc.features.find(x => x.id === arguments[2]).properties.name));",
        collection, plan, id);
  }
}
