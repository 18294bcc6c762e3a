package org.planmap.exchange;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
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
   * when they are not valid UTF-8.
   */
  private List<Path> unzip(Path zip, Path dir) throws IOException {
    Path root = dir.resolve("unzipped");
    try {
      try {
        Files.createDirectories(root);
        return unzip(zip, root, StandardCharsets.UTF_8);
      } catch (ZipException | IllegalArgumentException e) {
        WorkFiles.deleteTree(root);
        Files.createDirectories(root);
        return unzip(zip, root, Charset.forName("GBK"));
      }
    } catch (EOFException e) { // the zip's directory ends before it should (found by UploadUnpackerFuzzTest)
      throw bad("the zip file ends too early: it is cut short or damaged; pack the files again");
    }
  }

  private List<Path> unzip(Path zip, Path dir, Charset names) throws IOException {
    List<Path> out = new ArrayList<>();
    long expanded = 0;
    int count = 0;
    try (ZipFile z = new ZipFile(zip.toFile(), names)) {
      Enumeration<? extends ZipEntry> entries = z.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (++count > limits.maxZipEntries()) {
          throw bad("the zip holds more than " + limits.maxZipEntries() + " files; send fewer at a time");
        }
        if (e.getName().chars().anyMatch(ch -> ch < 0x20 || ch == 0x7F)) {
          throw bad("the zip entry '" + e.getName().replaceAll("\\p{Cntrl}", "?") + "' has control characters in"
              + " its name; the zip was refused");
        }
        Path target = dir.resolve(e.getName()).normalize();
        if (!target.startsWith(dir) || e.getName().startsWith("/") || e.getName().contains("..")
            || e.getName().contains("\\") || e.getName().indexOf(':') >= 0) {
          throw bad("the zip entry '" + e.getName() + "' points outside its folder; the zip was refused");
        }
        if (e.isDirectory() || e.getName().startsWith("__MACOSX/") || target.getFileName().toString().startsWith(".")) {
          continue;
        }
        String ext = extension(e.getName());
        if (!SHAPEFILE_PARTS.contains(ext) && !DATA.contains(ext) && !NOTES.contains(ext)) {
          throw bad("the zip holds '" + e.getName() + "', which is not part of a shapefile or a GIS file Planmap"
              + " reads (.shp .shx .dbf .prj .cpg, .geojson, .gpkg, .kml)");
        }
        Files.createDirectories(target.getParent());
        expanded += copy(z, e, target, limits.maxExpandedBytes() - expanded);
        if (DATA.contains(ext) || SHAPEFILE_PARTS.contains(ext) || ext.equals("csv")) {
          out.add(target);
        }
      }
    } catch (ZipException e) {
      if (names == StandardCharsets.UTF_8) {
        throw e;
      }
      throw bad("the file is not a readable zip (" + e.getMessage() + "); it may be damaged or cut short");
    }
    return out;
  }

  private long copy(ZipFile z, ZipEntry e, Path target, long budget) throws IOException {
    long compressed = Math.max(e.getCompressedSize(), 1);
    long written = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = z.getInputStream(e); OutputStream o = Files.newOutputStream(target)) {
      for (int n; (n = in.read(buf)) > 0; ) {
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
    } catch (ZipException | EOFException x) {
      throw bad("'" + e.getName() + "' in the zip is damaged or cut short (" + x.getMessage() + ")");
    }
    return written;
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
