package org.planmap.webmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A configured XYZ basemap: offered by the selector, off by default, drawn under the plan, its attribution shown as
 * text. The tiles are a test image served by Planmap itself (src/test/resources/webmap/tiles), so nothing leaves
 * the machine.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.web.resources.static-locations=classpath:/static/,classpath:/webmap/",
      "planmap.basemaps[0].name=Test tiles",
      "planmap.basemaps[0].url=/tiles/tile.png?z={z}&x={x}&y={y}",
      "planmap.basemaps[0].attribution=© test tiles <b>not markup</b>",
      "planmap.basemaps[0].max-zoom=12",
    })
class WebMapBasemapTest {
  @DynamicPropertySource
  static void store(DynamicPropertyRegistry r) {
    org.planmap.support.H2gisStore.register(r);
  }

  private static HeadlessChromium browser;

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() throws IOException {
    browser = new HeadlessChromium();
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void noConsoleErrors() {
    browser.assertNoConsoleErrors();
  }

  @Test
  void configuredBasemapIsOfferedButOffByDefault() throws IOException {
    var driver = browser.driver;
    driver.get("http://localhost:" + port + "/#plan=tekes");
    browser.waitForRender("tekes", 60);
    Select select = new Select(driver.findElement(By.id("pm-basemap-select")));
    assertThat(select.getFirstSelectedOption().getAttribute("value")).isEmpty();
    assertThat(select.getOptions()).extracting(o -> o.getText()).contains("Test tiles");
    assertThat(driver.findElements(By.cssSelector(".leaflet-tile"))).isEmpty();

    select.selectByValue("Test tiles");
    browser.waiting(20).until(d -> !d.findElements(By.cssSelector(".leaflet-tile-loaded")).isEmpty());
    assertThat(driver.findElement(By.cssSelector(".pm-basemap-credit")).getText())
        .isEqualTo("© test tiles <b>not markup</b>");
    assertThat(driver.findElements(By.cssSelector(".pm-basemap-credit b"))).isEmpty();
    assertThat(driver.getCurrentUrl()).contains("basemap=Test");
    browser.screenshot("10-basemap");

    select.selectByValue("");
    assertThat(driver.findElements(By.cssSelector(".leaflet-tile"))).isEmpty();
  }

  /** The console check used by every browser test sees errors, and the page's Content-Security-Policy is enforced. */
  @Test
  void consoleErrorsAndPolicyViolationsAreCaught() {
    browser.driver.get("http://localhost:" + port + "/#plan=changji");
    browser.waitForRender("changji", 60);
    browser.assertNoConsoleErrors();
    browser.js("console.error('planmap console check');");
    assertThatThrownBy(browser::assertNoConsoleErrors).hasMessageContaining("planmap console check");
    browser.js("const s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
        + " document.body.appendChild(s);");
    assertThat(browser.js("return window.inlineRan === true;")).isEqualTo(false);
    assertThatThrownBy(browser::assertNoConsoleErrors).hasMessageContaining("Content Security Policy");
  }
}
