package org.planmap.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.planmap.security.AdminService;
import org.planmap.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The rest of a planner's drawing in headless Chromium: redraw a park given only as a point into a real outline,
 * create and move a project, draw a tourism route and add a numbered stop to it.
 */
class ParkLayoutFeatureTest extends BrowserTest {
  /** 九宫新城综合商业广场园区: a point (approximate) at 81.85 E, 43.2 N. */
  static final String POINT_PARK = "tekes-parks-jiugong";

  @Autowired AdminService admin;
  private LayoutSteps steps;
  private Http http;

  @BeforeEach
  void planner() {
    LayoutSteps.planner(admin, "tekes-editor");
    steps = new LayoutSteps(browser, port);
    http = new Http(port);
  }

  @AfterEach
  void noConsoleErrors() {
    browser.assertNoConsoleErrors();
  }

  @Test
  void redrawsAParkOutlineAndEditsProjectsAndRoutes() throws IOException {
    steps.openTekes();
    steps.signIn("tekes-editor");

    // 1. A park known only as a point: redraw it as a real outline.
    steps.startLayout(POINT_PARK, "九宫新城综合商业广场园区");
    assertThat(steps.text("pm-layout-title")).contains("九宫新城");
    driver.findElement(By.id("pm-redraw-outline")).click();
    double[][] outline = {{81.845, 43.196}, {81.855, 43.196}, {81.855, 43.204}, {81.845, 43.204}};
    for (double[] c : outline) {
      steps.clickAt(c[0], c[1]);
    }
    steps.clickAt(outline[0][0], outline[0][1]);
    browser.waiting(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pm-layout-status"), "园区边界已保存"));
    JsonNode park = http.get("/ogcapi/collections/parks/items/" + POINT_PARK).json();
    assertThat(park.path("geometry").path("type").asString()).isEqualTo("Polygon");
    assertThat(park.path("properties").path("version").asInt()).isEqualTo(2);
    assertThat(park.path("properties").path("position_accuracy").asString()).isEqualTo("drawn");
    browser.waiting(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pm-balance-park"), "ha"));
    assertThat(steps.text("pm-balance-park")).isNotEqualTo("0.00 ha");
    screenshot("layout-20-park-outline");
    driver.findElement(By.id("pm-layout-close")).click();

    // 2. A new project: click the map, name it, save; it is on the map and in the API.
    browser.waiting(10).until(ExpectedConditions.elementToBeClickable(By.id("pm-new-project"))).click();
    steps.clickAt(81.86, 43.21);
    browser.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-feature-new")));
    driver.findElement(By.id("pm-feature-name")).sendKeys("浏览器新建项目");
    driver.findElement(By.id("pm-feature-sector")).sendKeys("旅游");
    driver.findElement(By.id("pm-feature-investment_yi")).sendKeys("1.5");
    driver.findElement(By.id("pm-feature-save")).click();
    WebElement title = browser.waiting(20).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#pm-detail .pm-detail-title")));
    assertThat(title.getText()).isEqualTo("浏览器新建项目");
    JsonNode project = find("projects", "浏览器新建项目");
    String projectId = project.path("id").asString();
    assertThat(project.path("properties").path("investment_yi").asDouble()).isEqualTo(1.5);
    assertThat(project.path("geometry").path("coordinates").get(0).asDouble()).isCloseTo(81.86,
        org.assertj.core.data.Offset.offset(0.001));

    // 3. Move it: drag the marker, save; version 2 at the new place.
    driver.findElement(By.id("pm-feature-move")).click();
    WebElement marker = browser.waiting(5).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".leaflet-marker-icon.leaflet-marker-draggable")));
    new Actions(driver).clickAndHold(marker).moveByOffset(20, 10).moveByOffset(20, 10).release().perform();
    driver.findElement(By.id("pm-feature-save")).click();
    browser.waiting(20).until(d -> http.get("/ogcapi/collections/projects/items/" + projectId).json()
        .path("properties").path("version").asInt() == 2);
    JsonNode moved = http.get("/ogcapi/collections/projects/items/" + projectId).json();
    assertThat(moved.path("geometry").path("coordinates").get(0).asDouble()).isGreaterThan(81.861);
    browser.waiting(20).until(ExpectedConditions.invisibilityOfElementLocated(By.id("pm-loading")));
    screenshot("layout-21-project");

    // 4. A new tourism route: three clicks, the last one again to finish; then a stop numbered 1.
    driver.findElement(By.id("pm-new-route")).click();
    double[][] route = {{81.82, 43.19}, {81.84, 43.20}, {81.87, 43.195}};
    for (double[] c : route) {
      steps.clickAt(c[0], c[1]);
    }
    steps.clickAt(route[2][0], route[2][1]);
    browser.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-feature-new")));
    driver.findElement(By.id("pm-feature-name")).sendKeys("浏览器新建线路");
    driver.findElement(By.id("pm-feature-save")).click();
    browser.waiting(20).until(ExpectedConditions.textToBe(By.cssSelector("#pm-detail .pm-detail-title"), "浏览器新建线路"));
    JsonNode created = find("routes", "浏览器新建线路");
    assertThat(created.path("geometry").path("coordinates").size()).isEqualTo(3);
    String routeId = created.path("id").asString();

    driver.findElement(By.id("pm-feature-add-stop")).click();
    steps.clickAt(81.84, 43.20);
    browser.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-feature-new")));
    assertThat(driver.findElement(By.id("pm-feature-seq")).getAttribute("value")).isEqualTo("1");
    driver.findElement(By.id("pm-feature-name")).sendKeys("第一站");
    driver.findElement(By.id("pm-feature-save")).click();
    browser.waiting(20).until(ExpectedConditions.textToBe(By.cssSelector("#pm-detail .pm-detail-title"), "第一站"));
    JsonNode stop = find("route_stops", "第一站");
    assertThat(stop.path("properties").path("route_id").asString()).isEqualTo(routeId);
    assertThat(stop.path("properties").path("seq").asInt()).isEqualTo(1);
    screenshot("layout-22-route");
  }

  private JsonNode find(String collection, String name) {
    for (JsonNode f : http.get("/ogcapi/collections/" + collection + "/items?plan=tekes&limit=10000").json()
        .path("features")) {
      if (name.equals(f.path("properties").path("name").asString())) {
        return f;
      }
    }
    throw new AssertionError("no " + collection + " named " + name);
  }

  private void screenshot(String name) throws IOException {
    browser.screenshot(name);
  }
}
