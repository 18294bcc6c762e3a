package org.planmap.layout;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Park layout rules (prefix {@code planmap.layout}).
 *
 * @param toleranceMetres how far a parcel may reach past its park's outline, and how much two parcels may overlap
 *     in width, before it is refused (drawing and snapping are never exact)
 * @param minParcelM2 the smallest parcel accepted
 */
@ConfigurationProperties("planmap.layout")
public record LayoutSettings(@DefaultValue("0.5") double toleranceMetres, @DefaultValue("100") double minParcelM2) {}
