package org.planmap.exchange;

/**
 * The form fields sent with an upload: the target collection, and the encoding and CRS to use when the file
 * does not say (a {@code .cpg}/DBF code page and a {@code .prj} win over these).
 */
public record ImportUpload(String collection, String encoding, String crs) {}
