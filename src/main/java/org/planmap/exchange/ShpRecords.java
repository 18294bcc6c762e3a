package org.planmap.exchange;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks every record the {@code .shx} points to before the H2GIS reader sees it: the record lies inside the
 * {@code .shp}, and its part and point counts fit in its length. The reader allocates arrays of the counts a record
 * declares, so a damaged 400-byte file claiming two billion points would otherwise exhaust the memory.
 */
final class ShpRecords {
  private ShpRecords() {}

  static void check(Path shp, Path shx, String name) throws IOException {
    try (FileChannel s = FileChannel.open(shp, StandardOpenOption.READ);
        FileChannel x = FileChannel.open(shx, StandardOpenOption.READ)) {
      MappedByteBuffer records = s.map(FileChannel.MapMode.READ_ONLY, 0, s.size());
      MappedByteBuffer index = x.map(FileChannel.MapMode.READ_ONLY, 0, x.size());
      long count = (x.size() - 100) / 8;
      for (int i = 0; i < count; i++) {
        long start = (index.order(ByteOrder.BIG_ENDIAN).getInt(100 + i * 8) & 0xFFFFFFFFL) * 2;
        String problem = record(records, start);
        if (problem != null) {
          throw UploadUnpacker.bad(name + " is damaged: shape " + (i + 1) + " " + problem + "; export it again");
        }
      }
    }
  }

  /** What is wrong with the record at {@code start}, or null. */
  private static String record(MappedByteBuffer shp, long start) {
    if (start < 100 || start + 12 > shp.limit()) {
      return "lies outside the .shp";
    }
    int at = (int) start;
    long length = (shp.order(ByteOrder.BIG_ENDIAN).getInt(at + 4) & 0xFFFFFFFFL) * 2;
    if (at + 8 + length > shp.limit()) {
      return "runs past the end of the .shp";
    }
    shp.order(ByteOrder.LITTLE_ENDIAN);
    int type = shp.getInt(at + 8);
    long needed = switch (type) {
      case 3, 5, 13, 15, 23, 25, 31 -> length < 44 ? -1 : 44 + 4L * count(shp, at + 44) * (type == 31 ? 2 : 1)
          + 16L * count(shp, at + 48);
      case 8, 18, 28 -> length < 40 ? -1 : 40 + 16L * count(shp, at + 44);
      default -> 0;
    };
    return needed < 0 || needed > length ? "declares more parts or points than it holds" : null;
  }

  /** A count; a negative one (a damaged file) counts as too many. */
  private static long count(MappedByteBuffer shp, int at) {
    int n = shp.getInt(at);
    return n < 0 ? Integer.MAX_VALUE : n;
  }
}
