package org.planmap.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.planmap.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Unpacks an upload safely: a zip's entries must stay inside their folder (no "zip slip"), be of a known kind,
 * and stay under the limits on count, expanded size and compression ratio (zip bombs). Sizes are counted while
 * copying, never taken from the zip's own (forgeable) headers.
 */
final class UploadUnpacker {
  static final Set<String> SHAPEFILE_PARTS = Set.of("shp", "shx", "dbf", "prj", "cpg", "sbn", "sbx", "qix", "fix",
      "xml", "qmd", "atx", "ain", "aih");
  static final Set<String> DATA = Set.of("geojson", "json", "gpkg", "kml");
  private static final Set<String> NOTES = Set.of("txt", "csv", "md", "pdf");
  private final ExchangeProperties limits;

  UploadUnpacker(ExchangeProperties limits) {
    this.limits = limits;
  }

  /** Unpacks (or just keeps) the upload in {@code dir}; returns the data files found. */
  List<Path> unpack(Path upload, String originalName, Path dir) throws IOException {
    String ext = extension(originalName);
    if (!ext.equals("zip")) {
      if (!DATA.contains(ext) && !SHAPEFILE_PARTS.contains(ext)) {
        throw bad("'" + originalName + "' is not a file Planmap imports: send a shapefile as a .zip (with its .shp,"
            + " .shx, .dbf and .prj), or a .geojson, .gpkg or .kml file");
      }
      if (ext.equals("shp") || ext.equals("dbf") || ext.equals("shx")) {
        throw bad("a shapefile is several files (.shp, .shx, .dbf, .prj, .cpg): put them together in one .zip and"
            + " send that");
      }
      Path target = dir.resolve("upload." + ext);
      Files.move(upload, target);
      return List.of(target);
    }
    return unzip(upload, dir);
  }

  /**
   * Zips made on Chinese Windows name their entries in GBK without the UTF-8 flag; such names are read as GBK
   * when they are not valid UTF-8. Whatever java.util.zip throws while <em>reading</em> the upload (the fuzzer
   * found EOFException, ZipException, IllegalArgumentException and more) means the zip is damaged: a 400. Failures
   * while <em>writing</em> our own work files stay server errors.
   */
  private List<Path> unzip(Path zip, Path dir) throws IOException {
    Path root = dir.resolve("unzipped");
    Files.createDirectories(root);
    try {
      return unzip(zip, root, StandardCharsets.UTF_8);
    } catch (Unreadable utf8) {
      WorkFiles.deleteTree(root);
      Files.createDirectories(root);
      try {
        return unzip(zip, root, Charset.forName("GBK"));
      } catch (Unreadable gbk) {
        throw bad("the file is not a readable zip (" + utf8.reason() + "); it may be damaged or cut short: pack"
            + " the files again");
      }
    }
  }

  private List<Path> unzip(Path zip, Path dir, Charset names) throws IOException, Unreadable {
    List<Path> out = new ArrayList<>();
    long expanded = 0;
    int count = 0;
    try (ZipFile z = open(zip, names)) {
      Enumeration<? extends ZipEntry> entries = z.entries();
      while (hasMore(entries)) {
        ZipEntry e = next(entries);
        if (++count > limits.maxZipEntries()) {
          throw bad("the zip holds more than " + limits.maxZipEntries() + " files; send fewer at a time");
        }
        Path target = checkedTarget(dir, e.getName());
        if (target == null) {
          continue;
        }
        Files.createDirectories(target.getParent());
        expanded += copy(z, e, target, limits.maxExpandedBytes() - expanded);
        String ext = extension(e.getName());
        if (DATA.contains(ext) || SHAPEFILE_PARTS.contains(ext) || ext.equals("csv")) {
          out.add(target);
        }
      }
    }
    return out;
  }

  /** Where an entry goes inside {@code dir}, or null for entries skipped (folders, Mac resource forks, dot files). */
  private static Path checkedTarget(Path dir, String name) {
    if (name.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7F)) {
      throw bad("the zip entry '" + name.replaceAll("\\p{Cntrl}", "?") + "' has control characters in its name;"
          + " the zip was refused");
    }
    Path target;
    try {
      target = dir.resolve(name).normalize();
    } catch (InvalidPathException x) {
      throw bad("the zip entry '" + name + "' is not a usable file name; the zip was refused");
    }
    if (!target.startsWith(dir) || name.startsWith("/") || name.contains("..") || name.contains("\\")
        || name.indexOf(':') >= 0) {
      throw bad("the zip entry '" + name + "' points outside its folder; the zip was refused");
    }
    if (name.endsWith("/") || name.startsWith("__MACOSX/") || target.equals(dir)
        || target.getFileName().toString().startsWith(".")) {
      return null;
    }
    String ext = extension(name);
    if (!SHAPEFILE_PARTS.contains(ext) && !DATA.contains(ext) && !NOTES.contains(ext)) {
      throw bad("the zip holds '" + name + "', which is not part of a shapefile or a GIS file Planmap reads (.shp"
          + " .shx .dbf .prj .cpg, .geojson, .gpkg, .kml)");
    }
    return target;
  }

  private long copy(ZipFile z, ZipEntry e, Path target, long budget) throws IOException {
    long compressed = Math.max(e.getCompressedSize(), 1);
    long written = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = entryStream(z, e); OutputStream o = Files.newOutputStream(target)) {
      for (int n; (n = read(in, buf, e)) > 0; ) {
        written += n;
        if (written > budget) {
          throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "Too large", "the zip expands to more than "
              + limits.maxExpandedBytes() / (1024 * 1024) + " MB; it was refused (a zip bomb, or too much at once)");
        }
        if (written > 1024 * 1024 && written / compressed > limits.maxCompressionRatio()) {
          throw bad("'" + e.getName() + "' expands more than " + limits.maxCompressionRatio()
              + " times its packed size, which real GIS data never does; the zip was refused as a zip bomb");
        }
        o.write(buf, 0, n);
      }
    }
    return written;
  }

  // The reading steps, each turning java.util.zip's complaints into Unreadable.

  private static ZipFile open(Path zip, Charset names) throws Unreadable {
    try {
      return new ZipFile(zip.toFile(), names);
    } catch (IOException | RuntimeException x) {
      throw new Unreadable(x);
    }
  }

  private static boolean hasMore(Enumeration<? extends ZipEntry> entries) throws Unreadable {
    try {
      return entries.hasMoreElements();
    } catch (RuntimeException x) {
      throw new Unreadable(x);
    }
  }

  private static ZipEntry next(Enumeration<? extends ZipEntry> entries) throws Unreadable {
    try {
      return entries.nextElement();
    } catch (RuntimeException x) {
      throw new Unreadable(x);
    }
  }

  private static InputStream entryStream(ZipFile z, ZipEntry e) {
    try {
      return z.getInputStream(e);
    } catch (IOException | RuntimeException x) {
      throw damaged(e, x);
    }
  }

  private static int read(InputStream in, byte[] buf, ZipEntry e) {
    try {
      return in.read(buf);
    } catch (IOException | RuntimeException x) {
      throw damaged(e, x);
    }
  }

  private static ApiException damaged(ZipEntry e, Exception x) {
    return bad("'" + e.getName() + "' in the zip is damaged or cut short (" + Unreadable.reason(x) + "); pack the"
        + " files again");
  }

  /** The zip itself (its directory or an entry name) could not be read with one name encoding. */
  private static final class Unreadable extends Exception {
    Unreadable(Exception cause) {
      super(cause);
    }

    String reason() {
      return reason((Exception) getCause());
    }

    static String reason(Exception x) {
      String m = x.getMessage();
      return m == null || m.isBlank() ? "unexpected end or bad structure" : m.replaceAll("\\p{Cntrl}", "?");
    }
  }

  static String extension(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".shp.xml")) {
      return "xml";
    }
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1);
  }

  static ApiException bad(String detail) {
    return ApiException.badRequest(detail);
  }
}
