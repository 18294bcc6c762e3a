package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.planmap.exchange.HostileFiles;
import org.planmap.support.ApiTest;
import org.planmap.support.Http;
import org.planmap.support.TableChecksums;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The bad-input corpus ({@code badinput/cases.tsv} and its files, the large and binary cases made at run time, and
 * the broken uploads of {@code exchange.ImportCorpus}): each case answers exactly its 4xx as problem JSON in plain
 * words, without stack trace, SQL or class names, and every table of the database is exactly as before.
 * Upload limits are lowered here (40 MB) so that oversized uploads are quick to make.
 */
@TestPropertySource(properties = {"planmap.exchange.max-upload-bytes=41943040",
    "spring.servlet.multipart.max-file-size=48MB", "spring.servlet.multipart.max-request-size=49MB"})
public abstract class BadInputContract extends ApiTest {
  /** What an error body must never show: stack frames, Java/Spring class names, SQL and driver messages. */
  private static final Pattern LEAK = Pattern.compile("Exception|\\tat |\\bat [a-z]+\\.[a-z]+\\.|org\\.planmap|"
      + "org\\.springframework|org\\.h2|org\\.postgresql|java\\.[a-z]+\\.|jakarta\\.|tools\\.jackson|SQL(?!ite)|"
      + "SQLState|ERROR: |syntax error|Caused by|\\.java:\\d+");
  private static final String[] ADMIN = Http.basic("admin", "test-admin-password");

  @Autowired DataSource dataSource;
  TableChecksums tables;

  /** One case: a request and what its refusal must be. */
  public record Case(String name, String method, String path, List<String[]> headers, String body, int status,
      String words) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeEach
  void checksums() {
    tables = new TableChecksums(dataSource);
    new BadRequests(http).parkOutline();
  }

  static Stream<Case> cases() {
    List<Case> out = new ArrayList<>();
    String[] lines = resource("badinput/cases.tsv").split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 7) {
        throw new IllegalStateException("badinput/cases.tsv line " + (i + 1) + " has " + f.length + " columns, not 7");
      }
      List<String[]> headers = new ArrayList<>();
      if (!f[3].equals("-")) {
        for (String h : f[3].split(" \\| ")) {
          int colon = h.indexOf(':');
          headers.add(new String[] {h.substring(0, colon).strip(), h.substring(colon + 1).strip()});
        }
      }
      out.add(new Case(f[0], f[1], f[2], headers, f[4], Integer.parseInt(f[5]), f[6]));
    }
    return out.stream();
  }

  @Test
  void theCorpusHasAtLeastSixtyCasesOfEveryKind() throws Exception {
    List<Case> all = cases().toList();
    assertThat(all.size() + HostileFiles.importCorpus().size()).isGreaterThanOrEqualTo(60);
    for (String kind : List.of("edit:", "upload:", "commit:", "ogc:", "tile:", "export:", "admin:")) {
      assertThat(all).as(kind).anyMatch(c -> c.name().startsWith(kind));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCaseIsRefusedClearlyAndStoresNothing(Case c) throws Exception {
    BadRequests requests = new BadRequests(http);
    String path = requests.resolve(c.path());
    BadRequests.Body body = requests.body(c.body());
    Map<String, String> before = tables.all();
    List<String> headers = new ArrayList<>(List.of(ADMIN));
    c.headers().forEach(h -> headers.addAll(List.of(h[0], h[1])));
    if (body.contentType() != null) {
      headers.addAll(List.of("Content-Type", body.contentType()));
    }
    headers.addAll(List.of("Accept", "*/*"));
    Http.Response r = http.sendBytes(body.method() == null ? c.method() : body.method(),
        body.path() == null ? path : requests.resolve(body.path()), body.bytes(), headers.toArray(String[]::new));
    assertRefused(r, c.status(), c.words());
    assertThat(tables.all()).as("every table as before").isEqualTo(before);
  }

  static Stream<Object[]> importCorpus() throws Exception {
    return HostileFiles.importCorpus().stream();
  }

  @ParameterizedTest(name = "upload: {0}")
  @MethodSource("importCorpus")
  void eachBrokenFileOfTheImportCorpusIsRefused(String name, String fileName, byte[] content, int status,
      String words) {
    Map<String, String> before = tables.all();
    Http.Response r = http.sendBytes("POST", "/api/exchange/imports",
        Http.multipart(fileName, content, "collection", "parcels"),
        concat(ADMIN, "Content-Type", "multipart/form-data; boundary=" + Http.BOUNDARY));
    assertRefused(r, status, words);
    assertThat(tables.all()).as("every table as before").isEqualTo(before);
  }

  static void assertRefused(Http.Response r, int status, String words) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
    String detail = r.json().path("detail").asString();
    assertThat(detail).as(r.body()).contains(words);
    assertThat(LEAK.matcher(r.body()).find()).as("internals in " + r.body()).isFalse();
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static String resource(String name) {
    try (var in = BadInputContract.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
