package org.planmap.exchange;

/** What an import wrote: rows inserted (all in one transaction), the source_file they carry, repairs made. */
public record ImportResult(String collection, long inserted, String sourceFile, long repaired, long unnamed) {}
