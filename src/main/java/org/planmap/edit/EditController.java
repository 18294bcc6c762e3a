package org.planmap.edit;

import java.net.URI;
import java.util.List;
import org.planmap.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Editing of parcels, parks, projects, routes and route stops. The ETag is the feature's version; changes and
 * deletes must send it back in {@code If-Match} (428 without, 412 when stale).
 */
@RestController
@RequestMapping("/api/edit/{collection}")
public class EditController {
  private final EditService edits;

  public EditController(EditService edits) {
    this.edits = edits;
  }

  @PostMapping
  public ResponseEntity<JsonNode> create(@PathVariable String collection, @RequestBody FeatureEdit edit,
      Authentication auth) {
    EditService.Saved s = edits.create(collection, edit, auth);
    return ResponseEntity.created(URI.create("/ogcapi/collections/" + collection + "/items/" + s.feature().path("id").asString()))
        .eTag(etag(s.version())).body(s.feature());
  }

  @PutMapping("/{id}")
  public ResponseEntity<JsonNode> update(@PathVariable String collection, @PathVariable String id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch, @RequestBody FeatureEdit edit,
      Authentication auth) {
    EditService.Saved s = edits.update(collection, id, version(ifMatch), edit, auth);
    return ResponseEntity.ok().eTag(etag(s.version())).body(s.feature());
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@PathVariable String collection, @PathVariable String id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch, Authentication auth) {
    edits.delete(collection, id, version(ifMatch), auth);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/history")
  public List<HistoryStore.Entry> history(@PathVariable String collection, @PathVariable String id) {
    return edits.history(collection, id);
  }

  @PostMapping("/{id}/restore")
  public ResponseEntity<JsonNode> restore(@PathVariable String collection, @PathVariable String id,
      @RequestParam int version, @RequestHeader(value = "If-Match", required = false) String ifMatch,
      Authentication auth) {
    EditService.Saved s = edits.restore(collection, id, version, ifMatch == null ? null : version(ifMatch), auth);
    return ResponseEntity.ok().eTag(etag(s.version())).body(s.feature());
  }

  private static String etag(int version) {
    return "\"" + version + "\"";
  }

  /** Reads {@code If-Match: "3"} (also {@code W/"3"} or {@code 3}). */
  static int version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "Version required",
          "send If-Match with the version (ETag) you loaded, so nobody's change is overwritten unseen");
    }
    String v = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("If-Match '" + ifMatch + "' is not a version this API gave out");
    }
  }
}
