package org.planmap.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.planmap.security.AdminService;
import org.planmap.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * No lost updates in the browser: a planner edits a parcel while another planner (HTTP Basic, another session)
 * saves it first; the browser's save gets the conflict message with reload/compare, the stored parcel stays the
 * first saver's, and both versions are in the history.
 */
class ParkLayoutConflictTest extends BrowserTest {
  @Autowired AdminService admin;
  private LayoutSteps steps;
  private Http http;

  @BeforeEach
  void planners() {
    LayoutSteps.planner(admin, "tekes-first");
    LayoutSteps.planner(admin, "tekes-second");
    steps = new LayoutSteps(browser, port);
    http = new Http(port);
  }

  @AfterEach
  void noConsoleErrors() {
    browser.assertNoConsoleErrors();
  }

  @Test
  void aStaleSaveGetsTheConflictAndLosesNothing() throws IOException {
    // A parcel exists (version 1), made by the first planner through the API.
    Http.Response created = as("tekes-first", "POST", "/api/edit/parcels", "{\"geometry\":"
        + square(82.0545, 43.1275, 82.0585, 43.1305) + ",\"properties\":{\"park_id\":\"" + LayoutSteps.PARK
        + "\",\"land_use_code\":\"1001\",\"name\":\"冲突测试地块\",\"far\":1.0}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().path("id").asString();

    // The second planner opens it in the browser and changes FAR (not saved yet).
    steps.openTekes();
    steps.signIn("tekes-second");
    steps.startLayout();
    browser.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#pm-parcel-list li[data-feature-id='" + id + "'] button"))).click();
    assertThat(steps.text("pm-parcel-meta")).contains("版本 1");
    WebElement far = driver.findElement(By.id("pm-parcel-far"));
    far.clear();
    far.sendKeys("2.5");

    // Meanwhile the first planner saves version 2 (another session: HTTP Basic).
    Http.Response first = as("tekes-first", "PUT", "/api/edit/parcels/" + id,
        "{\"properties\":{\"far\":3.0,\"name\":\"先保存的名称\"}}", "If-Match", "\"1\"");
    assertThat(first.status()).as(first.body()).isEqualTo(200);

    // The browser's save is stale: the conflict message, with reload and compare; nothing was overwritten.
    driver.findElement(By.id("pm-parcel-save")).click();
    WebElement conflict = browser.waiting(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("pm-conflict")));
    browser.assertNoConsoleErrorsExcept("/api/edit/parcels/" + id + " 412");
    assertThat(conflict.getText()).contains("已被他人修改").contains("tekes-first").contains("版本 2")
        .contains("没有丢失");
    assertThat(driver.findElement(By.id("pm-conflict-reload")).isDisplayed()).isTrue();
    JsonNode stored = item(id);
    assertThat(stored.path("properties").path("version").asInt()).isEqualTo(2);
    assertThat(stored.path("properties").path("far").asDouble()).isEqualTo(3.0);
    assertThat(stored.path("properties").path("name").asString()).isEqualTo("先保存的名称");
    assertThat(versions(id)).containsExactly(1, 2);
    screenshot("layout-30-conflict");

    // Compare: mine and theirs side by side; the differing field is marked.
    driver.findElement(By.id("pm-conflict-compare")).click();
    WebElement farRow = browser.waiting(5).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#pm-conflict-table tr[data-field='far']")));
    assertThat(farRow.getText()).contains("2.5").contains("3");
    assertThat(farRow.getAttribute("class")).contains("pm-differs");
    assertThat(driver.findElement(By.cssSelector("#pm-conflict-table tr[data-field='name']")).getText())
        .contains("冲突测试地块").contains("先保存的名称");
    screenshot("layout-31-compare");

    // Reload: the form now shows the first planner's version 2; the browser's own edit was never stored.
    driver.findElement(By.id("pm-conflict-reload")).click();
    browser.waiting(5).until(ExpectedConditions.invisibilityOfElementLocated(By.id("pm-conflict")));
    assertThat(driver.findElement(By.id("pm-parcel-far")).getAttribute("value")).isEqualTo("3");
    assertThat(driver.findElement(By.id("pm-parcel-name")).getAttribute("value")).isEqualTo("先保存的名称");
    assertThat(steps.text("pm-parcel-meta")).contains("版本 2");

    // Saving on top of the current version now works; the history holds all three versions.
    far = driver.findElement(By.id("pm-parcel-far"));
    far.clear();
    far.sendKeys("2.5");
    driver.findElement(By.id("pm-parcel-save")).click();
    browser.waiting(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pm-layout-status"), "版本 3"));
    assertThat(item(id).path("properties").path("far").asDouble()).isEqualTo(2.5);
    assertThat(versions(id)).containsExactly(1, 2, 3);
    driver.findElement(By.id("pm-parcel-history")).click();
    browser.waiting(10).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#pm-history-list li"), 3));
    assertThat(driver.findElement(By.id("pm-history-list")).getText())
        .contains("tekes-first").contains("tekes-second").contains("版本 2");
    screenshot("layout-32-history");

    // Restore version 2 (the first planner's) from the history: it becomes version 4.
    driver.findElement(By.cssSelector("#pm-history-list li[data-version='2'] button")).click();
    browser.waiting(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pm-parcel-meta"), "版本 4"));
    assertThat(item(id).path("properties").path("far").asDouble()).isEqualTo(3.0);
    assertThat(driver.findElement(By.id("pm-parcel-far")).getAttribute("value")).isEqualTo("3");
  }

  // ---- helpers ------------------------------------------------------------------------------------------

  private Http.Response as(String user, String method, String path, String body, String... headers) {
    String[] auth = Http.basic(user, LayoutSteps.PASSWORD);
    String[] all = new String[headers.length + 2];
    System.arraycopy(auth, 0, all, 0, 2);
    System.arraycopy(headers, 0, all, 2, headers.length);
    return http.send(method, path, body, all);
  }

  private JsonNode item(String id) {
    return http.get("/ogcapi/collections/parcels/items/" + id).json();
  }

  private List<Integer> versions(String id) {
    List<Integer> out = new ArrayList<>();
    http.get("/api/edit/parcels/" + id + "/history").json().forEach(e -> out.add(e.path("version").asInt()));
    out.sort(null);
    return out;
  }

  private static String square(double x1, double y1, double x2, double y2) {
    return "{\"type\":\"Polygon\",\"coordinates\":[[[" + x1 + "," + y1 + "],[" + x2 + "," + y1 + "],[" + x2 + "," + y2
        + "],[" + x1 + "," + y2 + "],[" + x1 + "," + y1 + "]]]}";
  }

  private void screenshot(String name) throws IOException {
    browser.screenshot(name);
  }
}
