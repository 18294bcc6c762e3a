package org.planmap.exchange;

/** A validated export: what to select and how to write it. */
public record Export(ExportFilter filter, ExportFormat format, ExportEncoding encoding, ExchangeCrs crs) {

  /** The download's file name, e.g. {@code parcels-tacheng-EPSG4537.zip}. */
  public String fileName() {
    return filter.collection().id() + (filter.plan() == null ? "" : "-" + filter.plan()) + "-EPSG" + crs.epsg()
        + (encoding == ExportEncoding.GBK && (format == ExportFormat.SHP || format == ExportFormat.CSV) ? "-gbk" : "")
        + "." + format.extension();
  }
}
