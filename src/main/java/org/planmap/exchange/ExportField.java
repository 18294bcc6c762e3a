package org.planmap.exchange;

import org.planmap.plan.Column;

/**
 * One attribute of an export: its short ASCII name (at most 10 characters, for DBF), the key it comes from
 * (a column name or a free attribute in {@code attrs}), its Chinese label and its type. {@code maxChars} is the
 * longest text value in the selection (0 when unknown), used to size DBF text fields.
 */
public record ExportField(String shortName, String key, String labelZh, Column.Type type, boolean fromAttrs,
    int maxChars) {}
