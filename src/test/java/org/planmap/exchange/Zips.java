package org.planmap.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds zips for import tests, including hostile ones. */
final class Zips {
  private Zips() {}

  /** Zips the files of a folder whose names start with {@code prefix}, leaving out those ending in any of {@code skip}. */
  static byte[] of(Path dir, String prefix, String... skip) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b); Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        String n = p.getFileName().toString();
        if (n.startsWith(prefix) && Stream.of(skip).noneMatch(n::endsWith)) {
          z.putNextEntry(new ZipEntry(n));
          Files.copy(p, z);
          z.closeEntry();
        }
      }
    }
    return b.toByteArray();
  }

  static byte[] entries(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return b.toByteArray();
  }

  static List<String> names(byte[] zip) throws IOException {
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      List<String> out = new java.util.ArrayList<>();
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        out.add(e.getName());
      }
      return out;
    }
  }
}
