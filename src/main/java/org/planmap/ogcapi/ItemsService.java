package org.planmap.ogcapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planmap.plan.CollectionSpec;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/** Streams feature pages and single features as GeoJSON, straight from the database cursor. */
@Service
public class ItemsService {
  private final FeatureStore store;
  private final ObjectMapper json;
  private final FeatureJsonWriter writer;

  public ItemsService(FeatureStore store, ObjectMapper json) {
    this.store = store;
    this.json = json;
    this.writer = new FeatureJsonWriter(json);
  }

  /**
   * Writes one page. The page is built in memory (at most {@code max-limit} features) before its first byte is sent,
   * so a database failure at any point, even between the count and the rows, is still answered with problem JSON
   * (503) rather than a 200 cut short.
   *
   * @param requestUri the request's own URI, from which the next/prev links are made
   */
  public void writePage(ItemsQuery q, UriComponentsBuilder requestUri, OutputStream out) throws IOException {
    long matched = store.count(q);
    ByteArrayOutputStream page = new ByteArrayOutputStream(16384);
    try (JsonGenerator g = json.createGenerator(page)) {
      g.writeStartObject();
      g.writeStringProperty("type", "FeatureCollection");
      g.writeName("features");
      g.writeStartArray();
      int[] returned = {0};
      store.page(q, rs -> {
        writer.write(q.collection(), rs, g);
        returned[0]++;
      });
      g.writeEndArray();
      g.writeNumberProperty("numberMatched", matched);
      g.writeNumberProperty("numberReturned", returned[0]);
      g.writeStringProperty("timeStamp", Instant.now().toString());
      g.writeName("links");
      g.writePOJO(links(q, requestUri, matched));
      g.writeEndObject();
    }
    page.writeTo(out);
  }

  /** One feature as GeoJSON bytes, or empty when there is no such feature. */
  public Optional<byte[]> one(CollectionSpec c, String id) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    boolean found = store.byId(c, id, rs -> {
      try (JsonGenerator g = json.createGenerator(buffer)) {
        writer.write(c, rs, g);
      }
    });
    return found ? Optional.of(buffer.toByteArray()) : Optional.empty();
  }

  private static List<Map<String, String>> links(ItemsQuery q, UriComponentsBuilder uri, long matched) {
    List<Map<String, String>> links = new ArrayList<>();
    links.add(OgcDocuments.link(uri.cloneBuilder().build().toUriString(), "self", OgcDocuments.GEOJSON, "this page"));
    if (q.offset() + q.limit() < matched) {
      links.add(page(uri, q, q.offset() + q.limit(), "next"));
    }
    if (q.offset() > 0) {
      links.add(page(uri, q, Math.max(0, q.offset() - q.limit()), "prev"));
    }
    return links;
  }

  private static Map<String, String> page(UriComponentsBuilder uri, ItemsQuery q, long offset, String rel) {
    String href = uri.cloneBuilder().replaceQueryParam("offset", offset).replaceQueryParam("limit", q.limit())
        .build().toUriString();
    return OgcDocuments.link(href, rel, OgcDocuments.GEOJSON, rel + " page");
  }
}
