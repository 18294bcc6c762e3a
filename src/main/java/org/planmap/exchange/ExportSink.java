package org.planmap.exchange;

import java.io.IOException;

/**
 * One output format, writing to the stream it was made with: rows go in one by one; {@link #finish} writes what
 * remains. Formats that need a file first (shapefile, GeoPackage) keep it in a work folder {@link #close} removes.
 */
interface ExportSink extends AutoCloseable {
  void write(ExportRow row) throws IOException;

  void finish() throws IOException;

  @Override
  default void close() throws IOException {}
}
