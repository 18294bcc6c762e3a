package org.planmap.geodata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.planmap.boundary.CountyBoundaries;
import org.planmap.boundary.TownshipAreas;
import org.planmap.config.PlanmapProperties;
import org.planmap.plan.PlanCollections;
import org.planmap.plan.PlanRecord;
import org.planmap.plan.PlanRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads {@code geodata/} at start-up, before the web server takes requests. Idempotent: a file whose SHA-256
 * is unchanged is skipped; a changed file replaces exactly its own rows; a removed file's rows are deleted.
 * A run is one transaction, so a broken file leaves the database as it was (and start-up fails loudly).
 */
@Component
public class GeodataLoader implements SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(GeodataLoader.class);
  private final PlanmapProperties properties;
  private final GeodataFileRegistry registry;
  private final FeatureTableWriter writer;
  private final PlanRepository plans;
  private final TownshipAreas townships;
  private final TransactionTemplate tx;
  private final ObjectMapper json;

  public GeodataLoader(PlanmapProperties properties, GeodataFileRegistry registry, FeatureTableWriter writer,
      PlanRepository plans, TownshipAreas townships, TransactionTemplate tx, ObjectMapper json) {
    this.properties = properties;
    this.registry = registry;
    this.writer = writer;
    this.plans = plans;
    this.townships = townships;
    this.tx = tx;
    this.json = json;
  }

  /** What one run did. */
  public record Report(int loaded, int unchanged, int removed) {}

  @Override
  public void afterSingletonsInstantiated() {
    Report r = load();
    log.info("geodata from {}: {} files loaded, {} unchanged, {} removed", properties.geodataDir().toAbsolutePath(),
        r.loaded(), r.unchanged(), r.removed());
  }

  /** One run, in one transaction: removed files are unloaded first, then changed files are (re)loaded. */
  public Report load() {
    Path root = properties.geodataDir();
    List<GeodataFile> files = discover(root);
    return tx.execute(status -> {
      Map<String, String> known = new HashMap<>(registry.checksums());
      List<String> removed = new ArrayList<>(known.keySet());
      files.forEach(f -> removed.remove(f.path()));
      for (String gone : removed) {
        GeodataFile.classify(gone).ifPresent(this::unload);
        registry.forget(gone);
      }
      int loaded = 0;
      for (GeodataFile file : files) {
        String sha = sha256(root.resolve(file.path()));
        if (!sha.equals(known.get(file.path()))) {
          unload(file);
          registry.record(file.path(), sha, loadFile(root, file));
          loaded++;
        }
      }
      for (PlanRecord p : plans.findAll()) {
        plans.linkTerritories(p);
        townships.derive(p.id());
      }
      return new Report(loaded, files.size() - loaded, removed.size());
    });
  }

  private List<GeodataFile> discover(Path root) {
    if (!Files.isDirectory(root)) {
      log.warn("geodata folder {} does not exist: nothing to load", root.toAbsolutePath());
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .flatMap(p -> GeodataFile.classify(p).stream())
          .sorted(Comparator.comparingInt(GeodataFile::order).thenComparing(GeodataFile::path))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private void unload(GeodataFile file) {
    switch (file.kind()) {
      case PLAN, INDICATORS -> plans.deleteBySourceFile(file.path());
      case BOUNDARIES, FEATURES -> writer.deleteBySourceFile(file.collection(), file.path());
    }
  }

  private int loadFile(Path root, GeodataFile file) {
    Path path = root.resolve(file.path());
    try {
      switch (file.kind()) {
        case PLAN -> {
          plans.insert(PlanFiles.readPlan(path, file.planId(), json), file.path());
          return 1;
        }
        case INDICATORS -> {
          var rows = PlanFiles.readIndicators(path, file.planId(), json);
          plans.insertIndicators(rows, file.path());
          return rows.size();
        }
        case BOUNDARIES -> {
          CountyBoundaries.Mapped m = CountyBoundaries.map(readFeatures(path), file.path());
          writer.insert(PlanCollections.TERRITORIES, null, file.path(), m.features(), m.seats());
          return m.features().size();
        }
        default -> {
          List<FeatureRecord> features = readFeatures(path);
          writer.insert(file.collection(), file.planId(), file.path(), features, seats(file, features));
          return features.size();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read geodata file " + file.path(), e);
    }
  }

  private List<FeatureRecord> readFeatures(Path path) throws IOException {
    return path.toString().toLowerCase().endsWith(".shp") ? ShapefileFeatures.read(path)
        : GeoJsonFeatures.read(path, json);
  }

  /** Sub-units of a plan come as points at their seats; the seat is kept when the area is drawn later. */
  private static Map<String, Geometry> seats(GeodataFile file, List<FeatureRecord> features) {
    Map<String, Geometry> seats = new HashMap<>();
    if (file.collection() == PlanCollections.TERRITORIES) {
      features.stream().filter(f -> f.geometry() instanceof Point).forEach(f -> seats.put(f.id(), f.geometry()));
    }
    return seats;
  }

  static String sha256(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
