package org.planmap.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.planmap.plan.PlanCollections;
import org.planmap.web.Fuzzing;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import path of {@code POST /api/exchange/imports} short of the HTTP layer: unpack, recognise, read every
 * feature, preview, and write the preview as JSON. Its property: a preview, or a 4xx {@code ApiException}.
 */
final class ImportFuzzing {
  static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final ExchangeProperties LIMITS = new ExchangeProperties("", 20_000_000, 50_000_000, 200, 200,
      1_000_000, 5, 1, 60);
  private static final ImportReader READER = new ImportReader(LIMITS, JSON);

  private ImportFuzzing() {}

  /** Imports {@code content} uploaded as {@code fileName} into parcels; the property of {@link Fuzzing}. */
  static void upload(byte[] content, String fileName) throws Exception {
    upload(content, fileName, new ImportUpload("parcels", null, null));
  }

  static void upload(byte[] content, String fileName, ImportUpload request) throws Exception {
    Path dir = Files.createTempDirectory("planmap-fuzz-");
    try {
      Path upload = dir.resolve("upload.bin");
      Files.write(upload, content);
      Fuzzing.refusedOrAccepted(() -> {
        ImportReader.Read read = READER.read(upload, fileName, dir,
            PlanCollections.byId(request.collection()).orElseThrow(), request);
        JSON.writeValueAsString(read.preview("fuzz", PlanCollections.PARCELS, fileName));
      });
    } finally {
      WorkFiles.deleteTree(dir);
    }
  }

  /** A zip of uncompressed entries, so that the fuzzer's mutations reach the files themselves. */
  static byte[] storedZip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry ze = new ZipEntry(e.getKey());
        ze.setMethod(ZipEntry.STORED);
        ze.setSize(e.getValue().length);
        CRC32 crc = new CRC32();
        crc.update(e.getValue());
        ze.setCrc(crc.getValue());
        z.putNextEntry(ze);
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return b.toByteArray();
  }
}
