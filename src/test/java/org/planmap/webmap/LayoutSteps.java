package org.planmap.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.planmap.security.AdminService;
import org.planmap.security.Role;

/** What a planner does in the browser to edit a park's layout, shared by the park layout browser tests. */
final class LayoutSteps {
  static final String PASSWORD = "tekes-planner-password";
  /** 特克斯县: its park 有色金属及制造工业园区 has a polygon outline (82.05125–82.06875 E, 43.12362–43.13638 N). */
  static final String TEKES = "654027";
  static final String PARK = "tekes-parks-nonferrous";
  static final String PARK_NAME = "有色金属及制造工业园区";

  private final HeadlessChromium browser;
  private final ChromeDriver driver;
  private final int port;

  LayoutSteps(HeadlessChromium browser, int port) {
    this.browser = browser;
    this.driver = browser.driver;
    this.port = port;
  }

  static void planner(AdminService admin, String username) {
    if (admin.list().stream().noneMatch(u -> u.username().equals(username))) {
      admin.create(new AdminService.NewUser(username, PASSWORD, Role.PLANNER, Set.of(TEKES)));
    }
  }

  String base() {
    return "http://localhost:" + port;
  }

  void openTekes() {
    driver.get(base() + "/#plan=tekes&lang=zh");
    browser.waitForRender("tekes", 60);
  }

  void signIn(String username) {
    browser.waiting(10).until(ExpectedConditions.elementToBeClickable(By.id("pm-signin-open"))).click();
    driver.findElement(By.id("pm-signin-user")).sendKeys(username);
    driver.findElement(By.id("pm-signin-password")).sendKeys(PASSWORD);
    driver.findElement(By.id("pm-signin-submit")).click();
    browser.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-signout")));
    assertThat(driver.findElement(By.id("pm-auth")).getText()).contains(username).contains("规划师");
  }

  /** Finds the park by name in the search box, opens its detail panel and starts layout editing. */
  void startLayout() {
    startLayout(PARK, PARK_NAME);
  }

  void startLayout(String park, String parkName) {
    WebElement search = driver.findElement(By.id("pm-search"));
    search.clear();
    search.sendKeys(parkName);
    browser.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pm-search-hit")));
    driver.findElements(By.cssSelector(".pm-search-hit")).stream()
        .filter(hit -> park.equals(hit.getAttribute("data-feature-id")))
        .findFirst().orElseThrow(() -> new AssertionError("no search hit for " + parkName))
        .click();
    browser.waiting(10).until(ExpectedConditions.elementToBeClickable(By.id("pm-layout-start"))).click();
    try {
      browser.waiting(20).until(d -> park.equals(browser.js("return document.body.dataset.layoutPark || null;")));
    } catch (RuntimeException e) {
      browser.assertNoConsoleErrors();
      throw new AssertionError("layout editing did not start: " + browser.js(
          "const s = document.getElementById('pm-layout-status'); return s ? s.textContent : 'no panel';"), e);
    }
    browser.waiting(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-balance-parcels")));
    assertThat(driver.findElement(By.id("pm-layout-title")).getText()).contains(parkName);
  }

  /** The map pixel offset (from the map's centre, as Selenium's Actions want it) of a lon/lat. */
  int[] offset(double lon, double lat) {
    @SuppressWarnings("unchecked")
    List<Number> p = (List<Number>) browser.js(
        "const m = window.planmap.map; const p = m.latLngToContainerPoint([arguments[1], arguments[0]]);"
            + " const s = m.getSize(); return [Math.round(p.x - s.x / 2), Math.round(p.y - s.y / 2)];", lon, lat);
    return new int[] {p.get(0).intValue(), p.get(1).intValue()};
  }

  /** Starts geoman's polygon tool from its toolbar button. */
  void polygonTool() {
    driver.findElement(By.cssSelector(".leaflet-pm-toolbar .leaflet-pm-icon-polygon")).click();
  }

  void clickAt(double lon, double lat) {
    int[] o = offset(lon, lat);
    new Actions(driver).moveToElement(driver.findElement(By.id("pm-map")), o[0], o[1]).click().perform();
  }

  void moveTo(double lon, double lat) {
    int[] o = offset(lon, lat);
    new Actions(driver).moveToElement(driver.findElement(By.id("pm-map")), o[0], o[1]).perform();
  }

  /** Draws a polygon by clicking its corners, then the first corner again to finish. */
  void drawPolygon(double[][] corners) {
    polygonTool();
    for (double[] c : corners) {
      clickAt(c[0], c[1]);
    }
    clickAt(corners[0][0], corners[0][1]);
    browser.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-parcel-form")));
  }

  String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }
}
