package org.planmap.exchange;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.planmap.geo.Geometries;
import org.planmap.plan.PlanRepository;
import org.planmap.security.TerritoryGuard;
import org.planmap.tiles.FeatureChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.PlanCollections;
import org.planmap.web.ApiException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports: an upload is unpacked safely and previewed (nothing written); a commit, with the planner's field
 * mapping, writes it in one transaction as a background job. Uploads not committed are dropped after the job
 * retention time.
 */
@Service
public class ImportService implements DisposableBean {
  private final Map<String, ImportSession> sessions = new ConcurrentHashMap<>();
  private final ExchangeProperties props;
  private final ImportReader reader;
  private final ImportWriter writer;
  private final ExchangeJobs jobs;
  private final PlanRepository plans;
  private final TerritoryGuard guard;
  private final ApplicationEventPublisher events;

  public ImportService(ExchangeProperties props, ImportReader reader, ImportWriter writer, ExchangeJobs jobs,
      PlanRepository plans, TerritoryGuard guard, ApplicationEventPublisher events) {
    this.guard = guard;
    this.events = events;
    this.props = props;
    this.reader = reader;
    this.writer = writer;
    this.jobs = jobs;
    this.plans = plans;
  }

  public ImportPreview upload(MultipartFile file, ImportUpload request) {
    CollectionSpec c = editable(request.collection());
    if (file == null || file.isEmpty()) {
      throw ApiException.badRequest("no file was sent, or it is empty; send it as the form field 'file'");
    }
    if (file.getSize() > props.maxUploadBytes()) {
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "Too large", "the file is larger than "
          + props.maxUploadBytes() / (1024 * 1024) + " MB, the most Planmap accepts at once");
    }
    purge();
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String name = file.getOriginalFilename() == null ? "upload" : Path.of(file.getOriginalFilename()).getFileName()
        .toString();
    Path dir = props.work().resolve("import-" + id);
    try {
      Files.createDirectories(dir);
      Path upload = dir.resolve("upload.bin");
      // transferTo(File) lets the servlet container move its temporary file (same disk); transferTo(Path) copies
      file.transferTo(upload.toFile());
      ImportReader.Read read = reader.read(upload, name, dir, c, request);
      ImportPreview preview = read.preview(id, c, name);
      sessions.put(id, new ImportSession(id, c, name, dir, read.layers(), preview, Instant.now()));
      return preview;
    } catch (IOException | RuntimeException e) {
      WorkFiles.deleteTree(dir);
      throw e instanceof ApiException a ? a : ApiException.badRequest("'" + name + "' could not be read: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""))
          + "; the file may be damaged or cut short");
    }
  }

  public ImportPreview preview(String id) {
    return session(id).preview();
  }

  /**
   * Starts writing a previewed upload. A planner may import only into their territories: the plan's territory must
   * be granted and the upload's extent must lie within their granted outlines.
   */
  public JobView commit(String id, ImportCommit commit, Authentication auth) {
    ImportSession s = session(id);
    String plan = commit.plan() == null || commit.plan().isBlank() ? null : commit.plan().trim();
    if (plan != null && !plans.exists(plan)) {
      throw ApiException.notFound("there is no plan '" + plan + "'");
    }
    guard.checkCanEdit(auth, plan, extent(s.preview().extent()));
    Map<String, String> mapping = ImportMapping.apply(s.collection(), s.preview().mapping(), commit.mapping());
    boolean repair = Boolean.TRUE.equals(commit.repair());
    List<String> blocking = new ArrayList<>(s.preview().problems());
    if (repair) {
      blocking.removeIf(p -> p.contains("geometries are invalid"));
    }
    if (!blocking.isEmpty()) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Import refused",
          String.join("; ", blocking) + ". Nothing was stored");
    }
    if (sessions.remove(id) == null) {
      throw new ApiException(HttpStatus.CONFLICT, "Already imported", "this upload is already being imported");
    }
    String kind = commit.kind() == null || commit.kind().isBlank() ? "imported" : commit.kind().trim();
    ExchangeJob job = jobs.submit("import", id, j -> {
      j.progress().total(s.preview().count());
      try {
        j.result(writer.write(s, mapping, plan, kind, j.progress()));
        Geometry extent = extent(s.preview().extent());
        events.publishEvent(new FeatureChanged(s.collection(), "import:" + id, null,
            extent == null ? null : extent.getEnvelopeInternal()));
      } finally {
        WorkFiles.deleteTree(s.folder());
      }
    });
    return JobView.of(job);
  }

  private static Geometry extent(double[] e) {
    return e == null ? null : Geometries.FACTORY.toGeometry(new Envelope(e[0], e[2], e[1], e[3]));
  }

  public void discard(String id) {
    ImportSession s = sessions.remove(id);
    if (s == null) {
      throw ApiException.notFound("there is no upload '" + id + "' waiting to be imported");
    }
    WorkFiles.deleteTree(s.folder());
  }

  private ImportSession session(String id) {
    ImportSession s = sessions.get(id);
    if (s == null) {
      throw ApiException.notFound("there is no upload '" + id + "' waiting to be imported (uploads are kept "
          + props.jobRetentionMinutes() + " minutes)");
    }
    return s;
  }

  private static CollectionSpec editable(String id) {
    if (id == null || id.isBlank()) {
      throw ApiException.badRequest("collection is required, e.g. collection=parcels");
    }
    CollectionSpec c = PlanCollections.byId(id).orElseThrow(() -> ApiException.notFound("there is no collection '"
        + id + "'"));
    if (c == PlanCollections.TERRITORIES) {
      throw ApiException.badRequest("territories come from published boundary data and cannot be imported into");
    }
    return c;
  }

  /** Uploads live in memory only: their files go when the service stops. */
  @Override
  public void destroy() {
    sessions.values().forEach(s -> WorkFiles.deleteTree(s.folder()));
    sessions.clear();
  }

  private void purge() {
    Instant limit = Instant.now().minus(Duration.ofMinutes(props.jobRetentionMinutes()));
    sessions.values().removeIf(s -> {
      boolean old = s.created().isBefore(limit);
      if (old) {
        WorkFiles.deleteTree(s.folder());
      }
      return old;
    });
  }
}
