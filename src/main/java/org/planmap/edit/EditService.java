package org.planmap.edit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.Geometries;
import org.planmap.geodata.FeatureRecord;
import org.planmap.geodata.FeatureTableWriter;
import org.planmap.ogcapi.ItemsService;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.PlanCollections;
import org.planmap.plan.PlanRepository;
import org.planmap.security.TerritoryGuard;
import org.planmap.tiles.FeatureChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.planmap.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Creates, changes, deletes and restores editable features. Every write checks the rules, the editor's territory and
 * the version the editor last saw (no lost updates), and records who changed what, before and after.
 */
@Service
public class EditService {
  /** Properties the server owns: never taken from a request. */
  private static final Set<String> SYSTEM = Set.of("version", "seat", "land_use_name", "area_m2");
  private static final Map<String, String> DEFAULT_KIND = Map.of("parcels", "parcel", "projects", "project",
      "routes", "tourism_route", "route_stops", "stop", "parks", "industrial_park");
  private final EditStore store;
  private final HistoryStore history;
  private final FeatureTableWriter writer;
  private final ItemsService items;
  private final TerritoryGuard guard;
  private final List<EditRules> rules;
  private final ObjectMapper json;
  private final ApplicationEventPublisher events;
  private final PlanRepository plans;

  public EditService(EditStore store, HistoryStore history, FeatureTableWriter writer, ItemsService items,
      TerritoryGuard guard, List<EditRules> rules, ObjectMapper json, ApplicationEventPublisher events,
      PlanRepository plans) {
    this.events = events;
    this.plans = plans;
    this.store = store;
    this.history = history;
    this.writer = writer;
    this.items = items;
    this.guard = guard;
    this.rules = rules;
    this.json = json;
  }

  /** A stored feature (GeoJSON) and its version, for the body and the ETag. */
  public record Saved(JsonNode feature, int version) {}

  @Transactional
  public Saved create(String collectionId, FeatureEdit edit, Authentication auth) {
    CollectionSpec c = editable(collectionId);
    String id = c.id() + "-" + UUID.randomUUID().toString().substring(0, 12);
    Geometry g = GeometryRules.parse(c, edit.geometry());
    Map<String, Object> p = requestProperties(edit, new LinkedHashMap<>());
    p.put("position_accuracy", g == null ? "unlocated" : "drawn");
    return write(c, id, null, g, p, 1, "create", auth);
  }

  @Transactional
  public Saved update(String collectionId, String id, int ifMatch, FeatureEdit edit, Authentication auth) {
    CollectionSpec c = editable(collectionId);
    EditStore.Current cur = current(c, id);
    checkVersion(c, cur, ifMatch);
    JsonNode before = feature(c, id);
    Geometry g = edit.geometry() == null ? cur.geometry() : GeometryRules.parse(c, edit.geometry());
    Map<String, Object> p = requestProperties(edit, storedProperties(before));
    if (edit.geometry() != null) {
      p.put("position_accuracy", g == null ? "unlocated" : "drawn");
    }
    return write(c, id, cur, g, p, ifMatch + 1, "update", auth);
  }

  @Transactional
  public void delete(String collectionId, String id, int ifMatch, Authentication auth) {
    CollectionSpec c = editable(collectionId);
    EditStore.Current cur = current(c, id);
    checkVersion(c, cur, ifMatch);
    guard.checkCanEdit(auth, cur.planId(), cur.geometry());
    JsonNode before = feature(c, id);
    if (store.deleteAtVersion(c, id, ifMatch) == 0) {
      throw conflict(c, id);
    }
    history.record(c.id(), id, ifMatch + 1, "delete", auth.getName(), before.toString(), null);
    events.publishEvent(new FeatureChanged(c, id, envelope(cur.geometry()), null));
  }

  public List<HistoryStore.Entry> history(String collectionId, String id) {
    CollectionSpec c = editable(collectionId);
    List<HistoryStore.Entry> entries = history.list(c.id(), id);
    if (entries.isEmpty() && store.current(c, id).isEmpty()) {
      throw ApiException.notFound(c.id() + " has no feature '" + id + "'");
    }
    return entries;
  }

  /** Makes an earlier version current again (as a new version); brings back a deleted feature. */
  @Transactional
  public Saved restore(String collectionId, String id, int version, Integer ifMatch, Authentication auth) {
    CollectionSpec c = editable(collectionId);
    HistoryStore.Entry entry = history.atVersion(c.id(), id, version).orElseThrow(() ->
        ApiException.notFound(c.id() + " '" + id + "' has no recorded version " + version));
    JsonNode old = json.readTree(entry.after());
    Geometry g = old.path("geometry").isNull() ? null : Geometries.fromGeoJson(old.path("geometry").toString());
    Map<String, Object> p = storedProperties(old);
    EditStore.Current cur = store.current(c, id).orElse(null);
    if (cur != null) {
      if (ifMatch == null) {
        throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "Version required",
            "send If-Match with the version you are replacing").with("currentVersion", cur.version());
      }
      checkVersion(c, cur, ifMatch);
    }
    return write(c, id, cur, g, p, history.latestVersion(c.id(), id) + 1, "restore", auth);
  }

  private Saved write(CollectionSpec c, String id, EditStore.Current cur, Geometry g, Map<String, Object> p,
      int version, String operation, Authentication auth) {
    rules.stream().filter(r -> r.appliesTo(c)).forEach(r -> r.check(c, id, g, p));
    String planId = text(p.remove("plan"));
    if (!plans.exists(planId)) {
      throw ApiException.unprocessable("unknown_plan", "plan '" + planId + "' is not a plan Planmap knows", null).with("field", "plan");
    }
    guard.checkCanEdit(auth, planId, cur == null ? null : cur.geometry(), g);
    p.putIfAbsent("kind", DEFAULT_KIND.get(c.id()));
    p.computeIfAbsent("name", k -> p.getOrDefault("land_use_name", c.titleZh()));
    JsonNode before = cur == null ? null : feature(c, id);
    if (cur != null && store.deleteAtVersion(c, id, cur.version()) == 0) {
      throw conflict(c, id);
    }
    try {
      writer.insert(c, planId, FeatureTableWriter.USER + auth.getName(), List.of(new FeatureRecord(id, p, g)), Map.of());
    } catch (FeatureTableWriter.BadValue e) {
      throw ApiException.unprocessable("bad_value", e.reason(), null).with("field", e.field());
    } catch (DataIntegrityViolationException e) {
      throw ApiException.unprocessable("bad_value", "a property does not fit its field: kind is at most 40 characters,"
          + " codes and ids at most 20 to 120, position_accuracy is set by Planmap; nothing was stored", null);
    }
    store.setVersion(c, id, version);
    JsonNode after = feature(c, id);
    history.record(c.id(), id, version, operation, auth.getName(), before == null ? null : before.toString(),
        after.toString());
    events.publishEvent(new FeatureChanged(c, id, cur == null ? null : envelope(cur.geometry()), envelope(g)));
    return new Saved(after, version);
  }

  private Map<String, Object> requestProperties(FeatureEdit edit, Map<String, Object> base) {
    if (edit.properties() != null) {
      edit.properties().forEach((k, v) -> {
        if (SYSTEM.contains(k) || k.equals("position_accuracy")) {
          return; // the server's: drawn or unlocated after an edit of the geometry, else as stored
        }
        if (v == null) {
          base.remove(k);
        } else {
          base.put(k, v);
        }
      });
    }
    return base;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> storedProperties(JsonNode feature) {
    Map<String, Object> p = json.convertValue(feature.path("properties"), LinkedHashMap.class);
    p.keySet().removeAll(SYSTEM);
    p.values().removeIf(v -> v == null);
    return p;
  }

  private JsonNode feature(CollectionSpec c, String id) {
    byte[] bytes = items.one(c, id).orElseThrow(() -> ApiException.notFound(c.id() + " has no feature '" + id + "'"));
    return json.readTree(new String(bytes, StandardCharsets.UTF_8));
  }

  private EditStore.Current current(CollectionSpec c, String id) {
    return store.current(c, id).orElseThrow(() -> ApiException.notFound(c.id() + " has no feature '" + id + "'"));
  }

  private void checkVersion(CollectionSpec c, EditStore.Current cur, int ifMatch) {
    if (cur.version() != ifMatch) {
      throw conflict(c, cur.id()).with("currentVersion", cur.version());
    }
  }

  private ApiException conflict(CollectionSpec c, String id) {
    ApiException e = new ApiException(HttpStatus.PRECONDITION_FAILED, "Changed by someone else",
        "this feature was changed by someone else since you loaded it; reload it or compare before saving again");
    items.one(c, id).ifPresent(b -> e.with("current", json.readTree(new String(b, StandardCharsets.UTF_8))));
    return e;
  }

  private static CollectionSpec editable(String collectionId) {
    if (!GeometryRules.editable().contains(collectionId)) {
      throw ApiException.notFound("'" + collectionId + "' cannot be edited; editable: " + GeometryRules.editable());
    }
    return PlanCollections.byId(collectionId).orElseThrow();
  }

  private static Envelope envelope(Geometry g) {
    return g == null ? null : g.getEnvelopeInternal();
  }

  private static String text(Object v) {
    return v == null ? null : v.toString().trim();
  }
}
