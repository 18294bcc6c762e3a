package org.planmap.exchange;

/** A source with the CRS it will be read in (declared, chosen or assumed) and why. */
record ImportLayer(ImportSource source, ExchangeCrs crs, String crsNote) {}
