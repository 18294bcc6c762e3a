package org.planmap.generate;

import org.locationtech.jts.geom.Polygon;

/** One synthetic parcel, ready to insert. */
record GeneratedParcel(String id, String plan, String parkId, String name, LandUse use, Double far, Double density,
    Double green, Double heightLimit, double areaM2, Polygon geom) {}
