package org.planmap.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planmap.security.AdminService;
import org.planmap.security.Role;
import org.planmap.support.ApiTest;
import org.planmap.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twenty planners of the same territory read-modify-write the same feature at once, with If-Match. No update may be
 * lost: every acknowledged write is in the feature and in its history, once, in order; and of writers racing from the
 * same version exactly one wins.
 */
abstract class ConcurrentEditContract extends ApiTest {
  static final int PLANNERS = 20;
  static final String PASSWORD = "concurrent-planner-password";

  @Autowired AdminService admin;

  @BeforeEach
  void planners() {
    Set<String> existing = new HashSet<>();
    admin.list().forEach(u -> existing.add(u.username()));
    for (int i = 0; i < PLANNERS; i++) {
      if (!existing.contains(planner(i))) {
        admin.create(new AdminService.NewUser(planner(i), PASSWORD, Role.PLANNER, Set.of("652801")));
      }
    }
  }

  static String planner(int i) {
    return "korla-concurrent-" + i;
  }

  /** One signed-in browser-like session per planner (a session, not Basic: no bcrypt check on every request). */
  private final Map<Integer, Http> sessions = new ConcurrentHashMap<>();

  Http session(int planner) {
    return sessions.computeIfAbsent(planner, p -> {
      Http s = new Http(port, true);
      s.get("/api/me");
      Http.Response login = s.send("POST", "/login", "username=" + planner(p) + "&password=" + PASSWORD,
          "Content-Type", "application/x-www-form-urlencoded", "X-XSRF-TOKEN", s.cookie("XSRF-TOKEN"));
      assertThat(login.status()).as(login.body()).isEqualTo(204);
      return s;
    });
  }

  Http.Response as(int planner, String method, String path, String body, String... headers) {
    Http s = session(planner);
    String[] all = new String[headers.length + 2];
    all[0] = "X-XSRF-TOKEN";
    all[1] = s.cookie("XSRF-TOKEN");
    System.arraycopy(headers, 0, all, 2, headers.length);
    return s.send(method, path, body, all);
  }

  /** A project (a point in 库尔勒市) whose notes the planners append to. */
  String newProject() {
    Http.Response r = as(0, "POST", "/api/edit/projects", "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[86.1,41.8]},"
        + "\"properties\":{\"plan\":\"korla\",\"name\":\"并发测试项目\",\"notes\":\"start\"}}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asString();
  }

  JsonNode read(int planner, String id) {
    Http.Response r = as(planner, "GET", "/ogcapi/collections/projects/items/" + id, null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("properties");
  }

  static String putNotes(String notes) {
    return "{\"properties\":{\"notes\":\"" + notes + "\"}}";
  }

  @Test
  void readModifyWriteWithRetryLosesNoUpdate() throws Exception {
    String id = newProject();
    String path = "/api/edit/projects/" + id;
    int writesEach = 3;
    Map<String, Integer> acknowledged = new ConcurrentHashMap<>(); // token -> version of its 200
    List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(PLANNERS);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int p = 0; p < PLANNERS; p++) {
        int planner = p;
        all.add(pool.submit(() -> {
          for (int k = 0; k < writesEach; ) {
            JsonNode cur = read(planner, id);
            String token = "p" + planner + "w" + k;
            Http.Response r = as(planner, "PUT", path, putNotes(cur.path("notes").asString() + " " + token),
                "If-Match", "\"" + cur.path("version").asInt() + "\"");
            if (r.status() == 200) {
              acknowledged.put(token, Integer.parseInt(r.etag().replace("\"", "")));
              k++;
            } else if (r.status() == 412) {
              conflicts.incrementAndGet();
            } else {
              unexpected.add(r.status() + " " + r.body());
              return;
            }
          }
        }));
      }
      for (Future<?> f : all) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(unexpected).as("answers other than 200/412").isEmpty();
    assertThat(acknowledged).hasSize(PLANNERS * writesEach);
    // every acknowledged write got its own version, 2 .. N+1
    assertThat(new HashSet<>(acknowledged.values())).hasSize(acknowledged.size());
    int last = acknowledged.size() + 1;
    JsonNode finalState = read(0, id);
    assertThat(finalState.path("version").asInt()).isEqualTo(last);
    List<String> tokens = List.of(finalState.path("notes").asString().split(" "));
    assertThat(tokens.get(0)).isEqualTo("start");
    assertThat(tokens.subList(1, tokens.size())).containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
    // the tokens are in the order of the versions their writes were given
    for (int i = 1; i < tokens.size(); i++) {
      assertThat(acknowledged.get(tokens.get(i))).as(tokens.get(i)).isEqualTo(i + 1);
    }
    assertHistoryIsOneVersionPerWrite(id, last);
    assertThat(conflicts.get()).as("planners really raced").isPositive();
  }

  @Test
  void writersRacingFromOneVersionHaveExactlyOneWinner() throws Exception {
    String id = newProject();
    String path = "/api/edit/projects/" + id;
    int rounds = 5;
    CyclicBarrier start = new CyclicBarrier(PLANNERS);
    ExecutorService pool = Executors.newFixedThreadPool(PLANNERS);
    try {
      for (int round = 0; round < rounds; round++) {
        int version = read(0, id).path("version").asInt();
        int r0 = round;
        List<Future<Integer>> answers = new ArrayList<>();
        for (int p = 0; p < PLANNERS; p++) {
          int planner = p;
          answers.add(pool.submit(() -> {
            start.await(1, TimeUnit.MINUTES);
            return as(planner, "PUT", path, putNotes("r" + r0 + "p" + planner), "If-Match", "\"" + version + "\"")
                .status();
          }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : answers) {
          statuses.add(f.get(2, TimeUnit.MINUTES));
        }
        assertThat(statuses).as("round " + round).containsOnly(200, 412);
        assertThat(statuses.stream().filter(s -> s == 200).count()).as("round " + round + ": " + statuses).isEqualTo(1);
        JsonNode now = read(0, id);
        assertThat(now.path("version").asInt()).isEqualTo(version + 1);
        assertThat(now.path("notes").asString()).startsWith("r" + round + "p");
      }
    } finally {
      pool.shutdownNow();
    }
    assertHistoryIsOneVersionPerWrite(id, rounds + 1);
  }

  /** History holds versions 1..last, once each, and each state is the one the feature had at that version. */
  void assertHistoryIsOneVersionPerWrite(String id, int last) {
    Http.Response h = as(0, "GET", "/api/edit/projects/" + id + "/history", null);
    assertThat(h.status()).as(h.body()).isEqualTo(200);
    List<Integer> versions = new ArrayList<>();
    String previousAfter = null;
    for (JsonNode e : h.json()) {
      versions.add(e.path("version").asInt());
      if (previousAfter != null) {
        assertThat(e.path("before").asString()).as("before of version " + e.path("version").asInt())
            .isEqualTo(previousAfter);
      }
      previousAfter = e.path("after").asString();
    }
    List<Integer> expected = new ArrayList<>();
    for (int v = 1; v <= last; v++) {
      expected.add(v);
    }
    assertThat(versions).isEqualTo(expected);
    assertThat(read(0, id).path("notes").asString())
        .isEqualTo(JsonMapper.builder().build().readTree(previousAfter).path("properties").path("notes").asString());
  }
}
