package org.planmap.generate;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Writes N synthetic parcels around the parks and seats of the loaded plans, replacing earlier generated ones. */
@Service
public class ParcelGenerator {
  private static final Logger log = LoggerFactory.getLogger(ParcelGenerator.class);
  private final ParcelWriter writer;

  public ParcelGenerator(ParcelWriter writer) {
    this.writer = writer;
  }

  /** @return the number of parcels written */
  public long generate(long n, long seed, int batchSize) {
    return generate(n, seed, batchSize, null);
  }

  /**
   * Like {@link #generate(long, long, int)}, but with a park id all the parcels go around that one park (e.g. a
   * 10 000-parcel park for the browser benchmark).
   *
   * @return the number of parcels written
   */
  public long generate(long n, long seed, int batchSize, String park) {
    long started = System.nanoTime();
    List<Anchor> anchors = writer.anchors();
    if (park != null && !park.isBlank()) {
      anchors.removeIf(a -> !park.equals(a.parkId()));
      if (anchors.isEmpty()) {
        throw new IllegalArgumentException("planmap.generate.park: there is no park '" + park
            + "' with a geometry inside its plan's territory");
      }
    }
    int removed = writer.deleteGenerated();
    log.info("generating {} parcels around {} parks and seats (seed {}); {} earlier generated parcels removed",
        n, anchors.size(), seed, removed);
    List<GeneratedParcel> batch = new ArrayList<>(batchSize);
    long[] written = {0};
    new ParcelLayout(seed).generate(anchors, n, p -> {
      batch.add(p);
      if (batch.size() == batchSize) {
        flush(batch, written, n);
      }
    });
    flush(batch, written, n);
    writer.analyze();
    log.info("generated {} parcels in {} s", written[0], (System.nanoTime() - started) / 1_000_000_000);
    return written[0];
  }

  private void flush(List<GeneratedParcel> batch, long[] written, long n) {
    if (batch.isEmpty()) {
      return;
    }
    writer.insert(batch);
    long before = written[0];
    written[0] += batch.size();
    batch.clear();
    if (written[0] / 100_000 > before / 100_000) {
      log.info("{} / {} parcels written", written[0], n);
    }
  }
}
