package org.planmap.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.planmap.support.H2gisStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The import/export page in headless Chromium: upload, preview with mapping, import as a job, export as a job. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExchangePageBrowserTest {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  WebDriver browser;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    H2gisStore.register(registry);
  }

  @BeforeEach
  void open(@TempDir Path profile) {
    ChromeOptions o = new ChromeOptions();
    o.setBinary("/usr/bin/chromium");
    o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile.resolve("chrome"), "--window-size=1200,900");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
    browser = new ChromeDriver(service, o);
  }

  @AfterEach
  void close() {
    browser.quit();
  }

  private WebElement waitForText(By by, String text) {
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(by).getText().contains(text));
    return browser.findElement(by);
  }

  @Test
  void aPlannerPreviewsMapsAndImportsAFileThenExportsALayer(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("上库地块.geojson");
    Files.writeString(file, ImportContract.PARCELS, StandardCharsets.UTF_8);
    browser.get("http://127.0.0.1:" + port + "/exchange.html");
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
        d.findElements(By.cssSelector(".exchange-import select[name=collection] option")).size() > 5);
    browser.findElement(By.id("pm-signin-open")).click();
    browser.findElement(By.id("pm-signin-user")).sendKeys("admin");
    browser.findElement(By.id("pm-signin-password")).sendKeys("test-admin-password");
    browser.findElement(By.id("pm-signin-submit")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("pm-signout")).isEmpty());
    new Select(browser.findElement(By.id("plan"))).selectByValue("korla");
    WebElement form = browser.findElement(By.cssSelector(".exchange-import"));
    new Select(form.findElement(By.name("collection"))).selectByValue("parcels");
    form.findElement(By.name("file")).sendKeys(file.toString());
    form.findElement(By.cssSelector("button[type=submit]")).click();
    waitForText(By.cssSelector(".exchange-import"), "2 个要素");
    assertThat(form.findElement(By.cssSelector(".exchange-mapping")).getText()).contains("名称", "容积率");
    assertThat(new Select(form.findElements(By.cssSelector(".exchange-mapping select")).get(0))
        .getFirstSelectedOption().getAttribute("value")).isEqualTo("name");
    form.findElements(By.tagName("button")).stream().filter(b -> b.getText().equals("导入")).findFirst()
        .orElseThrow().click();
    waitForText(By.cssSelector(".exchange-import"), "已导入 2 个要素");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM parcel WHERE position_accuracy = 'imported' AND plan_id ="
        + " 'korla' AND name = '库尔勒上库一类工业用地A-01'", Long.class)).isEqualTo(1);

    WebElement export = browser.findElement(By.cssSelector(".exchange-export"));
    new Select(export.findElement(By.name("collection"))).selectByValue("parcels");
    new Select(export.findElement(By.name("format"))).selectByValue("gpkg");
    export.findElement(By.cssSelector("button[type=submit]")).click();
    waitForText(By.cssSelector(".exchange-export"), "完成");

    // The export filters: all of Korla's projects, then only those in the county outline (located ones).
    new Select(export.findElement(By.name("collection"))).selectByValue("projects");
    new Select(export.findElement(By.name("format"))).selectByValue("csv");
    long all = exportedCount(export);
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
        new Select(d.findElement(By.id("territory"))).getOptions().size() > 1);
    new Select(browser.findElement(By.id("territory"))).selectByValue("652801");
    long inTerritory = exportedCount(export);
    assertThat(all).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM project WHERE plan_id = 'korla'", Long.class));
    assertThat(inTerritory).isPositive().isLessThan(all);
  }

  private long exportedCount(WebElement export) {
    String before = export.getText();
    export.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
      String now = export.getText();
      return !now.equals(before) && java.util.regex.Pattern.compile("完成 \\d+ 个要素").matcher(now).find()
          && !now.equals(before);
    });
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("完成 (\\d+) 个要素").matcher(export.getText());
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }
}
