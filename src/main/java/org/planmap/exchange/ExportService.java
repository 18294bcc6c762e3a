package org.planmap.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.planmap.geo.BBox;
import org.planmap.plan.CollectionSpec;
import org.planmap.plan.PlanCollections;
import org.planmap.plan.PlanRepository;
import org.planmap.web.ApiException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/** Exports a collection, filtered, in one of the formats; streams rows so memory stays flat. */
@Service
public class ExportService {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,120}");
  private final ExchangeStore store;
  private final ObjectMapper json;
  private final ExchangeProperties props;
  private final ExchangeJobs jobs;
  private final PlanRepository plans;

  public ExportService(ExchangeStore store, ObjectMapper json, ExchangeProperties props, ExchangeJobs jobs,
      PlanRepository plans) {
    this.store = store;
    this.plans = plans;
    this.json = json;
    this.props = props;
    this.jobs = jobs;
  }

  /** A download streamed straight to the client (validated first, so mistakes are problem JSON, not broken files). */
  public Download download(ExportRequest r) {
    Export e = prepare(r);
    return new Download(e.fileName(), e.format().mediaType(), out -> write(e, out, Progress.none()));
  }

  /**
   * Starts the export as a background job; its file is downloaded from the job when done. A signed-in user's job
   * may be cancelled only by them (or an admin).
   */
  public JobView start(ExportRequest r, org.springframework.security.core.Authentication auth) {
    Export e = prepare(r);
    String owner = auth == null || auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken
        ? null : auth.getName();
    ExchangeJob job = jobs.submit("export", owner, j -> {
      Path file = jobs.folder(j).resolve(e.fileName());
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        write(e, out, j.progress());
      }
      j.file(file, e.fileName(), e.format().mediaType());
    });
    return JobView.of(job);
  }

  /** Validates a request; every mistake is a 400/404 with words a planner can act on. */
  public Export prepare(ExportRequest r) {
    if (r.collection() == null || r.collection().isBlank()) {
      throw ApiException.badRequest("collection is required, e.g. collection=parcels");
    }
    CollectionSpec c = PlanCollections.byId(r.collection())
        .orElseThrow(() -> ApiException.notFound("there is no collection '" + r.collection() + "'"));
    ExportFormat format = ExportFormat.parse(r.format());
    ExportEncoding encoding = ExportEncoding.parse(r.encoding());
    String plan = id("plan", r.plan());
    if (plan != null && !plans.exists(plan)) {
      throw ApiException.notFound("there is no plan '" + plan + "'");
    }
    String territory = id("territory", r.territory());
    if (territory != null && !store.exists(PlanCollections.TERRITORIES, territory)) {
      throw ApiException.notFound("there is no territory '" + territory + "'");
    }
    String park = id("park", r.park());
    if (park != null && !store.exists(PlanCollections.PARKS, park)) {
      throw ApiException.notFound("there is no park '" + park + "'");
    }
    BBox bbox = null;
    if (r.bbox() != null && !r.bbox().isBlank()) {
      try {
        bbox = BBox.parse(r.bbox());
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(e.getMessage());
      }
    }
    ExportFilter filter = new ExportFilter(c, plan, territory, park, bbox);
    ExchangeCrs crs = crs(r.crs(), filter);
    if (format.lonLatOnly() && crs.epsg() != 4326) {
      throw ApiException.badRequest(format.name() + " is always WGS84 longitude/latitude; ask for crs=EPSG:4326 or"
          + " choose shp, gpkg or csv for " + crs.label());
    }
    return new Export(filter, format, encoding, crs);
  }

  private ExchangeCrs crs(String text, ExportFilter f) {
    if (text == null || text.isBlank()) {
      return ExchangeCrs.WGS84;
    }
    if (!text.trim().equalsIgnoreCase("gk")) {
      return ExchangeCrs.parse(text);
    }
    Double lon = f.plan() == null ? null : store.planCentreLon(f.plan());
    if (lon == null) {
      BBox e = store.extent(f);
      if (e == null) {
        throw ApiException.badRequest("crs=gk needs a plan (or features) to pick the Gauss-Kruger zone; name the zone,"
            + " e.g. crs=EPSG:4538");
      }
      lon = (e.minLon() + e.maxLon()) / 2;
    }
    return ExchangeCrs.gaussKrugerFor(lon);
  }

  private static String id(String name, String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    if (!ID.matcher(v).matches()) {
      throw ApiException.badRequest(name + " must be an id such as 'tacheng' (letters, digits, '-', '_', '.', ':')");
    }
    return v;
  }

  /** Writes the export to {@code out}, reporting progress; throws CancellationException when cancelled. */
  public void write(Export e, OutputStream out, Progress progress) throws IOException {
    ExportFilter f = e.filter();
    progress.total(store.count(f));
    ExportLayout layout = ExportLayout.of(f.collection(), store.textLengths(f), store.attrs(f));
    Files.createDirectories(props.work());
    Path work = Files.createTempDirectory(props.work(), "export-");
    try (ExportSink sink = sink(e, layout, work, out)) {
      try {
        store.stream(f, row -> {
          progress.step();
          try {
            sink.write(row);
          } catch (IOException x) {
            throw new UncheckedIOException(x);
          }
        });
      } catch (UncheckedIOException x) {
        throw x.getCause();
      }
      sink.finish();
    } finally {
      WorkFiles.deleteTree(work);
    }
  }

  private ExportSink sink(Export e, ExportLayout layout, Path work, OutputStream out) throws IOException {
    return switch (e.format()) {
      case SHP -> new ShapefileSink(work, layout, e.encoding(), e.crs(), out);
      case GEOJSON -> new GeoJsonSink(layout, json, out);
      case GPKG -> new GeoPackageSink(work, layout, e.crs(), out);
      case KML -> new KmlSink(layout, out);
      case CSV -> new CsvSink(layout, e.encoding(), e.crs(), out);
    };
  }
}
